#!/usr/bin/env bash
# fails: all-available/available
# Near miss: while setting the strategy the readiness probe was "fixed" to /healthz, a path nginx does not serve — the new Pods never become ready.
# graded on real nodes (kind tier)
set -euo pipefail
ns=lab-07
# Waits until the Deployment controller has seen the latest change (its new ReplicaSet exists).
observed() { kubectl wait deployment/web -n $ns --for=jsonpath='{.status.observedGeneration}'="$(kubectl get deployment web -n $ns -o jsonpath='{.metadata.generation}')" --timeout=60s; }
# web-scaled
kubectl scale deployment web --replicas=5 -n $ns
# All five Pods ready before the probe changes: only then does every later rollout empty the
# ReplicaSet it leaves (its unready Pod goes first), on real nodes too.
kubectl rollout status deployment/web -n $ns --timeout=120s
# rollout-strategy
kubectl patch deployment web -n $ns -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'
kubectl patch deployment web -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/path","value":"/healthz"}]'
observed # on real nodes this rollout never finishes: the probe fails
# image-updated
kubectl set image deployment/web web=nginx:1.27 -n $ns
kubectl annotate deployment web -n $ns kubernetes.io/change-cause="nginx 1.27, the new stable release"
observed
# rolled-back
kubectl set image deployment/web web=nginx:1.27-nope -n $ns
kubectl annotate deployment web -n $ns --overwrite kubernetes.io/change-cause="try nginx:1.27-nope"
observed # on real nodes the rollout stalls here: the image cannot be pulled
kubectl rollout undo deployment/web -n $ns
observed
# The bad image's ReplicaSet empties (its unready Pod goes first); the nginx:1.27 Pods never get ready on real nodes.
bad=$(kubectl get rs -n $ns -o jsonpath='{range .items[?(@.spec.template.spec.containers[0].image=="nginx:1.27-nope")]}{.metadata.name}{end}')
kubectl wait rs/"$bad" -n $ns --for=jsonpath='{.status.replicas}'=0 --timeout=45s || kubectl get rs -n $ns
