#!/usr/bin/env bash
# fails: rolled-back/back-to-previous
# Near miss: the tasks done out of order — the bad image first, undone to nginx:1.26, then nginx:1.27: the rollback never went back to the nginx:1.27 revision.
set -euo pipefail
ns=lab-07
observed() { kubectl wait deployment/web -n $ns --for=jsonpath='{.status.observedGeneration}'="$(kubectl get deployment web -n $ns -o jsonpath='{.metadata.generation}')" --timeout=60s; }
kubectl scale deployment web --replicas=5 -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl patch deployment web -n $ns -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'
# The bad image first: undo goes back to nginx:1.26, and nginx:1.27 comes last.
kubectl set image deployment/web web=nginx:1.27-nope -n $ns
observed
kubectl rollout undo deployment/web -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl set image deployment/web web=nginx:1.27 -n $ns
kubectl annotate deployment web -n $ns --overwrite kubernetes.io/change-cause="nginx 1.27, the new stable release"
kubectl rollout status deployment/web -n $ns --timeout=120s
