#!/usr/bin/env bash
# fails: node-drained/worker-in-service
# Near miss: after the drain, wheelhouse-worker cordoned too ("both workers are due") — the task says to leave it in service.
set -euo pipefail
ns=lab-24

kubectl patch pdb web-pdb -n $ns --type=merge -p '{"spec":{"minAvailable":null,"maxUnavailable":1}}'
kubectl drain wheelhouse-worker2 --ignore-daemonsets --delete-emptydir-data --timeout=120s
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl cordon wheelhouse-worker
