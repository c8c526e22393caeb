#!/usr/bin/env bash
# fails: gpu-pod/tolerates
# Near miss: the toleration is for effect NoExecute, which does not tolerate a NoSchedule taint; gpu-pod is on the node only because it was labelled before it was tainted (luck of timing).
set -euo pipefail
ns=lab-16

# gpu-node, label first: gpu-pod is scheduled before the taint exists
kubectl label node wheelhouse-worker gpu=true
kubectl wait pod/gpu-pod -n $ns --for=jsonpath='{.spec.nodeName}'=wheelhouse-worker --timeout=60s
kubectl taint node wheelhouse-worker gpu=true:NoSchedule
# gpu-pod, a toleration of the wrong effect
kubectl patch pod gpu-pod -n $ns --type=json -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"gpu","operator":"Equal","value":"true","effect":"NoExecute"}}]'

# spread-scheduled
kubectl patch deployment spread -n $ns --type=json -p '[
  {"op":"remove","path":"/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution"},
  {"op":"add","path":"/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution","value":[{"weight":100,"podAffinityTerm":{"labelSelector":{"matchLabels":{"app":"spread"}},"topologyKey":"kubernetes.io/hostname"}}]},
  {"op":"replace","path":"/spec/strategy","value":{"type":"Recreate"}}]'
kubectl rollout status deployment/spread -n $ns --timeout=90s
