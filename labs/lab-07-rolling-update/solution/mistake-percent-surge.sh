#!/usr/bin/env bash
# fails: rollout-strategy
# Near miss: maxSurge is set, but maxUnavailable keeps its default of 25%, so a rollout may take
# a serving Pod away before its replacement is ready.
set -euo pipefail
ns=lab-07
kubectl scale deployment/web --replicas=5 -n $ns
kubectl patch deployment/web -n $ns -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1}}}}'
kubectl set image deployment/web web=nginx:1.27 -n $ns
kubectl annotate deployment/web kubernetes.io/change-cause="update to nginx 1.27" --overwrite -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl set image deployment/web web=nginx:1.27-nope -n $ns
kubectl rollout undo deployment/web -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
