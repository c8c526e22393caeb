#!/usr/bin/env bash
# fails: rolled-back/back-to-previous
# Near miss: everything is right except the undo goes back to revision 1 (nginx:1.26) instead of
# the previous revision.
set -euo pipefail
ns=lab-07
observed() { kubectl wait deployment/web -n $ns --for=jsonpath='{.status.observedGeneration}'="$(kubectl get deployment web -n $ns -o jsonpath='{.metadata.generation}')" --timeout=60s; }
kubectl scale deployment/web --replicas=5 -n $ns
kubectl patch deployment/web -n $ns -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'
kubectl set image deployment/web web=nginx:1.27 -n $ns
kubectl annotate deployment/web kubernetes.io/change-cause="update to nginx 1.27" --overwrite -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl set image deployment/web web=nginx:1.27-nope -n $ns
observed # the bad revision exists before the undo
kubectl rollout undo deployment/web --to-revision=1 -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
