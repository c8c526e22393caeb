#!/usr/bin/env bash
# fails: gpu-node
# Near miss: the label and taint go on wheelhouse-worker2, and gpu-pod follows the label there.
set -euo pipefail
ns=lab-16
kubectl label node wheelhouse-worker2 gpu=true
kubectl taint node wheelhouse-worker2 gpu=true:NoSchedule
kubectl patch pod gpu-pod -n $ns --type=json \
  -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"gpu","operator":"Equal","value":"true","effect":"NoSchedule"}}]'
kubectl wait pod/gpu-pod -n $ns --for=condition=PodScheduled --timeout=60s
