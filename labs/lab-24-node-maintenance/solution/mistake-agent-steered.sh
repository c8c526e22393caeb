#!/usr/bin/env bash
# fails: node-drained/agent-untouched
# Near miss: node-agent steered off wheelhouse-worker2 with a node affinity so that drain does not stop at its Pod — the DaemonSet was to stay as it is.
set -euo pipefail
ns=lab-24

kubectl patch pdb web-pdb -n $ns --type=merge -p '{"spec":{"minAvailable":null,"maxUnavailable":1}}'
kubectl patch daemonset node-agent -n $ns --type=merge -p '{"spec":{"template":{"spec":{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"kubernetes.io/hostname","operator":"NotIn","values":["wheelhouse-worker2"]}]}]}}}}}}}'
kubectl rollout status daemonset/node-agent -n $ns --timeout=120s
kubectl drain wheelhouse-worker2 --delete-emptydir-data --timeout=120s
kubectl rollout status deployment/web -n $ns --timeout=120s
