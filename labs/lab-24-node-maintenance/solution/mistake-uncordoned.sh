#!/usr/bin/env bash
# fails: node-drained/cordoned
# Near miss: uncordoned right after the drain, "now that it is empty" — the task says to leave it cordoned for the maintenance.
set -euo pipefail
ns=lab-24

kubectl patch pdb web-pdb -n $ns --type=merge -p '{"spec":{"minAvailable":null,"maxUnavailable":1}}'
kubectl drain wheelhouse-worker2 --ignore-daemonsets --delete-emptydir-data --timeout=120s
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl uncordon wheelhouse-worker2
