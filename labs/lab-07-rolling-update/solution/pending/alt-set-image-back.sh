#!/usr/bin/env bash
# Correct alternative: the bad image undone by setting nginx:1.27 again instead of `rollout undo` —
# the Pod template is the nginx:1.27 one again, so the Deployment takes that revision's ReplicaSet
# back under a new revision number, exactly as undo does. The change-cause is given before the
# image changes, and the scale is `kubectl scale` with --current-replicas as a guard.
set -euo pipefail
ns=lab-07
observed() { kubectl wait deployment/web -n $ns --for=jsonpath='{.status.observedGeneration}'="$(kubectl get deployment web -n $ns -o jsonpath='{.metadata.generation}')" --timeout=60s; }
kubectl scale deployment/web -n $ns --current-replicas=2 --replicas=5
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl patch deployment web -n $ns -p '{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'
kubectl annotate deployment web -n $ns kubernetes.io/change-cause="web: nginx 1.26 -> 1.27"
kubectl set image deployment/web -n $ns web=nginx:1.27
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl set image deployment/web -n $ns web=nginx:1.27-nope
observed # on real nodes the rollout stalls here
kubectl set image deployment/web -n $ns web=nginx:1.27
kubectl rollout status deployment/web -n $ns --timeout=120s
