#!/usr/bin/env bash
# fails: spread-scheduled/topology-key
# Near miss: the preferred term spreads over topology.kubernetes.io/zone instead of kubernetes.io/hostname.
set -euo pipefail
ns=lab-16

# gpu-node and gpu-pod
kubectl taint node wheelhouse-worker gpu=true:NoSchedule
kubectl patch pod gpu-pod -n $ns --type=json -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"gpu","operator":"Equal","value":"true","effect":"NoSchedule"}}]'
kubectl label node wheelhouse-worker gpu=true
kubectl wait pod/gpu-pod -n $ns --for=jsonpath='{.spec.nodeName}'=wheelhouse-worker --timeout=60s

# spread-scheduled, with another topology key
kubectl patch deployment spread -n $ns --type=json -p '[
  {"op":"remove","path":"/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution"},
  {"op":"add","path":"/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution","value":[{"weight":100,"podAffinityTerm":{"labelSelector":{"matchLabels":{"app":"spread"}},"topologyKey":"topology.kubernetes.io/zone"}}]},
  {"op":"replace","path":"/spec/strategy","value":{"type":"Recreate"}}]'
kubectl rollout status deployment/spread -n $ns --timeout=90s
