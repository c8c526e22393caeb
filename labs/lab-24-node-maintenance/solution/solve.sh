#!/usr/bin/env bash
# Reference solution: see the drain refused, fix the budget in place, then drain for real.
set -euo pipefail
ns=lab-24

kubectl get pods -n $ns -o wide
kubectl get pdb web-pdb -n $ns

# The drain hangs: every eviction is refused with 429 because 0 disruptions are allowed.
# (It cordons the node before it gives up; the real drain below does that again.)
kubectl drain wheelhouse-worker2 --ignore-daemonsets --delete-emptydir-data --timeout=3s || true

# pdb-fixed: one Pod at a time, whatever the replica count; minAvailable goes, maxUnavailable comes
kubectl patch pdb web-pdb -n $ns --type=merge -p '{"spec":{"minAvailable":null,"maxUnavailable":1}}'
kubectl wait pdb/web-pdb -n $ns --for=jsonpath='{.status.disruptionsAllowed}'=1 --timeout=30s

# node-drained: cordon and evict, leaving the DaemonSet Pod and dropping emptyDir scratch data
kubectl drain wheelhouse-worker2 --ignore-daemonsets --delete-emptydir-data --timeout=120s

# web-available: the evicted Pods came back on wheelhouse-worker
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl get pods -n $ns -o wide
kubectl get nodes
