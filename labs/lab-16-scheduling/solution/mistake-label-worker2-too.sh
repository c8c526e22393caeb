#!/usr/bin/env bash
# fails: gpu-node/others-untouched
# Near miss: after gpu-pod landed, wheelhouse-worker2 is labelled gpu=true as well ("a second GPU node") — the task says to leave it as it is.
set -euo pipefail
ns=lab-16

# gpu-node and gpu-pod, correct
kubectl taint node wheelhouse-worker gpu=true:NoSchedule
kubectl patch pod gpu-pod -n $ns --type=json -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"gpu","operator":"Equal","value":"true","effect":"NoSchedule"}}]'
kubectl label node wheelhouse-worker gpu=true
kubectl wait pod/gpu-pod -n $ns --for=jsonpath='{.spec.nodeName}'=wheelhouse-worker --timeout=60s
# ... then the other worker is marked as a GPU node too
kubectl label node wheelhouse-worker2 gpu=true

# spread-scheduled
kubectl patch deployment spread -n $ns --type=json -p '[
  {"op":"remove","path":"/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution"},
  {"op":"add","path":"/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution","value":[{"weight":100,"podAffinityTerm":{"labelSelector":{"matchLabels":{"app":"spread"}},"topologyKey":"kubernetes.io/hostname"}}]},
  {"op":"replace","path":"/spec/strategy","value":{"type":"Recreate"}}]'
kubectl rollout status deployment/spread -n $ns --timeout=90s
