#!/usr/bin/env bash
# fails: pdb-fixed/in-place
# Near miss: the budget is deleted and a new one with the right value is created in its place.
# The drain goes through, but the budget the team wrote (and anything that watched it) is gone:
# the task was to fix it, not to replace it.
set -euo pipefail
ns=lab-24
kubectl delete pdb web-pdb -n $ns
kubectl create pdb web-pdb -n $ns --selector=app=web --max-unavailable=1
kubectl drain wheelhouse-worker2 --ignore-daemonsets --delete-emptydir-data --timeout=120s
kubectl rollout status deployment/web -n $ns --timeout=120s
