#!/usr/bin/env bash
# fails: gpu-pod/same-pod
# Near miss: `kubectl get -o yaml`, add the toleration, `kubectl replace --force` — the Pod is deleted and a new one created; the task says to keep the Pod you were given.
set -euo pipefail
ns=lab-16

# gpu-node
kubectl taint node wheelhouse-worker gpu=true:NoSchedule
kubectl label node wheelhouse-worker gpu=true
# gpu-pod, recreated with the toleration
kubectl get pod gpu-pod -n $ns -o yaml \
  | kubectl patch -f - --local --type=json -o yaml \
      -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"gpu","operator":"Equal","value":"true","effect":"NoSchedule"}}]' \
  | kubectl replace --force -f -
kubectl wait pod/gpu-pod -n $ns --for=jsonpath='{.spec.nodeName}'=wheelhouse-worker --timeout=60s

# spread-scheduled
kubectl patch deployment spread -n $ns --type=json -p '[
  {"op":"remove","path":"/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution"},
  {"op":"add","path":"/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution","value":[{"weight":100,"podAffinityTerm":{"labelSelector":{"matchLabels":{"app":"spread"}},"topologyKey":"kubernetes.io/hostname"}}]},
  {"op":"replace","path":"/spec/strategy","value":{"type":"Recreate"}}]'
kubectl rollout status deployment/spread -n $ns --timeout=90s
