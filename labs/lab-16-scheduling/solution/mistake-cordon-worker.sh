#!/usr/bin/env bash
# fails: gpu-pod/on-worker
# Near miss: besides the taint, wheelhouse-worker is cordoned "to keep every other Pod off it"; a cordon keeps gpu-pod off too, so it never runs there.
set -euo pipefail
ns=lab-16

# gpu-node, plus a cordon
kubectl taint node wheelhouse-worker gpu=true:NoSchedule
kubectl cordon wheelhouse-worker
kubectl patch pod gpu-pod -n $ns --type=json -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"gpu","operator":"Equal","value":"true","effect":"NoSchedule"}}]'
kubectl label node wheelhouse-worker gpu=true

# spread-scheduled
kubectl patch deployment spread -n $ns --type=json -p '[
  {"op":"remove","path":"/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution"},
  {"op":"add","path":"/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution","value":[{"weight":100,"podAffinityTerm":{"labelSelector":{"matchLabels":{"app":"spread"}},"topologyKey":"kubernetes.io/hostname"}}]},
  {"op":"replace","path":"/spec/strategy","value":{"type":"Recreate"}}]'
kubectl rollout status deployment/spread -n $ns --timeout=90s
