#!/usr/bin/env bash
# fails: pdb-fixed/selects-web
# Near miss: the selector removed in the same patch, as if a budget found web's Pods through the Deployment: a budget without a selector protects no Pod at all.
set -euo pipefail
ns=lab-24

kubectl patch pdb web-pdb -n $ns --type=merge -p '{"spec":{"minAvailable":null,"maxUnavailable":1,"selector":null}}'
kubectl drain wheelhouse-worker2 --ignore-daemonsets --delete-emptydir-data --timeout=120s
kubectl rollout status deployment/web -n $ns --timeout=120s
