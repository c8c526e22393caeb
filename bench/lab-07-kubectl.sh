#!/usr/bin/env bash
# lab-07's API checks written as a shell script of kubectl calls, the way a lab author would
# without the checker: the baseline of bench/check-vs-kubectl.bench.ts. Exits 0 when every
# check passes. Expects KUBECONFIG and kubectl on PATH.
set -uo pipefail
ns=lab-07
failed=0
fail() { echo "✗ $*"; failed=1; }

# web-scaled: 5 replicas, rollout complete
replicas=$(kubectl get deployment web -n $ns -o jsonpath='{.spec.replicas}')
[[ $replicas == 5 ]] || fail "web-scaled: spec.replicas: expected 5, found $replicas"
kubectl rollout status deployment/web -n $ns --timeout=15s >/dev/null || fail "web-scaled: rollout not complete"

# rollout-strategy: RollingUpdate, maxSurge 1, maxUnavailable 0
strategy=$(kubectl get deployment web -n $ns -o jsonpath='{.spec.strategy.type} {.spec.strategy.rollingUpdate.maxSurge} {.spec.strategy.rollingUpdate.maxUnavailable}')
[[ $strategy == "RollingUpdate 1 0" ]] || fail "rollout-strategy: expected RollingUpdate 1 0, found $strategy"

# image-updated: a ReplicaSet of web runs nginx:1.27 and has a change-cause
replicasets=$(kubectl get replicasets -n $ns -l app=web -o jsonpath='{range .items[*]}{.spec.template.spec.containers[?(@.name=="web")].image}|{.metadata.annotations.kubernetes\.io/change-cause}|{.spec.replicas}|{.status.replicas}{"\n"}{end}')
grep -q '^nginx:1\.27|[^|]\+|' <<<"$replicasets" || fail "image-updated: no nginx:1.27 ReplicaSet with a change-cause"

# rolled-back: revision >= 4, image nginx:1.27, the bad ReplicaSet at 0, rollout complete
read -r revision image < <(kubectl get deployment web -n $ns -o jsonpath='{.metadata.annotations.deployment\.kubernetes\.io/revision} {.spec.template.spec.containers[?(@.name=="web")].image}')
(( revision >= 4 )) || fail "rolled-back: revision: expected at least 4, found $revision"
[[ $image == nginx:1.27 ]] || fail "rolled-back: image: expected nginx:1.27, found $image"
replicasets=$(kubectl get replicasets -n $ns -l app=web -o jsonpath='{range .items[*]}{.spec.template.spec.containers[?(@.name=="web")].image}|{.spec.replicas}|{.status.replicas}{"\n"}{end}')
grep -q '^nginx:1\.27-nope|0|0$' <<<"$replicasets" || fail "rolled-back: the nginx:1.27-nope ReplicaSet is not at 0"
kubectl rollout status deployment/web -n $ns --timeout=15s >/dev/null || fail "rolled-back: rollout not complete"

exit $failed
