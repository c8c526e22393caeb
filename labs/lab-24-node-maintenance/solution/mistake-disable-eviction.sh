#!/usr/bin/env bash
# fails: pdb-fixed/one-now
# Near miss: the budget left as it is and the drain forced through with --disable-eviction (plain deletes ignore the budget) — web-pdb still allows no disruption.
set -euo pipefail
ns=lab-24

kubectl drain wheelhouse-worker2 --ignore-daemonsets --delete-emptydir-data --timeout=120s --disable-eviction
kubectl rollout status deployment/web -n $ns --timeout=120s
