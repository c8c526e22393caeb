#!/usr/bin/env bash
# fails: rolled-back/bad-image
# Near miss: a missing tag of the learner's own, nginx:1.27-broken — the task names nginx:1.27-nope.
set -euo pipefail
ns=lab-07
# Waits until the Deployment controller has seen the latest change (its new ReplicaSet exists).
observed() { kubectl wait deployment/web -n $ns --for=jsonpath='{.status.observedGeneration}'="$(kubectl get deployment web -n $ns -o jsonpath='{.metadata.generation}')" --timeout=60s; }
# web-scaled
kubectl scale deployment web --replicas=5 -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
# rollout-strategy
kubectl patch deployment web -n $ns -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'
# image-updated
kubectl set image deployment/web web=nginx:1.27 -n $ns
kubectl annotate deployment web -n $ns kubernetes.io/change-cause="nginx 1.27, the new stable release"
kubectl rollout status deployment/web -n $ns --timeout=120s
# rolled-back
kubectl set image deployment/web web=nginx:1.27-broken -n $ns
kubectl annotate deployment web -n $ns --overwrite kubernetes.io/change-cause="try nginx:1.27-broken"
observed # on real nodes the rollout stalls here: the image cannot be pulled
kubectl rollout undo deployment/web -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
