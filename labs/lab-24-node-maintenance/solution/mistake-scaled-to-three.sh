#!/usr/bin/env bash
# fails: web-available/four-ready
# Near miss: web scaled to 3 "to make the drain easier" and left so — the task asks for four replicas.
set -euo pipefail
ns=lab-24

kubectl patch pdb web-pdb -n $ns --type=merge -p '{"spec":{"minAvailable":null,"maxUnavailable":1}}'
kubectl scale deployment web -n $ns --replicas=3
kubectl drain wheelhouse-worker2 --ignore-daemonsets --delete-emptydir-data --timeout=120s
kubectl rollout status deployment/web -n $ns --timeout=120s
