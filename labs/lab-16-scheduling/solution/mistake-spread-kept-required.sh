#!/usr/bin/env bash
# fails: spread-scheduled/preferred
# Near miss: a preferred term is added but the required one is left in place, so the hard rule still applies and a third replica cannot be placed.
set -euo pipefail
ns=lab-16

# gpu-node and gpu-pod
kubectl taint node wheelhouse-worker gpu=true:NoSchedule
kubectl patch pod gpu-pod -n $ns --type=json -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"gpu","operator":"Equal","value":"true","effect":"NoSchedule"}}]'
kubectl label node wheelhouse-worker gpu=true
kubectl wait pod/gpu-pod -n $ns --for=jsonpath='{.spec.nodeName}'=wheelhouse-worker --timeout=60s

# spread-scheduled, preferred added beside the required term
kubectl patch deployment spread -n $ns --type=json -p '[
  {"op":"add","path":"/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution","value":[{"weight":100,"podAffinityTerm":{"labelSelector":{"matchLabels":{"app":"spread"}},"topologyKey":"kubernetes.io/hostname"}}]},
  {"op":"replace","path":"/spec/strategy","value":{"type":"Recreate"}}]'
