#!/usr/bin/env bash
# fails: pdb-fixed/one-at-any-scale
# Near miss: minAvailable 3 allows one disruption with four replicas, so the drain works today.
# Scaled to 8 replicas it lets five Pods go at once; scaled to 3 it blocks every drain again.
set -euo pipefail
ns=lab-24
kubectl patch pdb web-pdb -n $ns --type=merge -p '{"spec":{"minAvailable":3}}'
kubectl drain wheelhouse-worker2 --ignore-daemonsets --delete-emptydir-data --timeout=120s
kubectl rollout status deployment/web -n $ns --timeout=120s
