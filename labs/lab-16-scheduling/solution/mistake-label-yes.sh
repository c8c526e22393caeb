#!/usr/bin/env bash
# fails: gpu-node/label
# Near miss: the node is labelled gpu=yes, not gpu=true (so gpu-pod's node selector still matches no node and it stays Pending).
set -euo pipefail
ns=lab-16

# gpu-node, with the wrong label value
kubectl taint node wheelhouse-worker gpu=true:NoSchedule
kubectl patch pod gpu-pod -n $ns --type=json -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"gpu","operator":"Equal","value":"true","effect":"NoSchedule"}}]'
kubectl label node wheelhouse-worker gpu=yes

# spread-scheduled
kubectl patch deployment spread -n $ns --type=json -p '[
  {"op":"remove","path":"/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution"},
  {"op":"add","path":"/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution","value":[{"weight":100,"podAffinityTerm":{"labelSelector":{"matchLabels":{"app":"spread"}},"topologyKey":"kubernetes.io/hostname"}}]},
  {"op":"replace","path":"/spec/strategy","value":{"type":"Recreate"}}]'
kubectl rollout status deployment/spread -n $ns --timeout=90s
