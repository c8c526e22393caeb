#!/usr/bin/env bash
# fails: spread-scheduled/rollout
# Near miss: the rule is made preferred, but the default rolling update keeps the old Pods, whose hard rule keeps the new Pod off both nodes: the rollout never finishes and a Pod stays Pending.
set -euo pipefail
ns=lab-16

# gpu-node and gpu-pod
kubectl taint node wheelhouse-worker gpu=true:NoSchedule
kubectl patch pod gpu-pod -n $ns --type=json -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"gpu","operator":"Equal","value":"true","effect":"NoSchedule"}}]'
kubectl label node wheelhouse-worker gpu=true
kubectl wait pod/gpu-pod -n $ns --for=jsonpath='{.spec.nodeName}'=wheelhouse-worker --timeout=60s

# spread-scheduled, the affinity fixed but the strategy left as it was
kubectl patch deployment spread -n $ns --type=json -p '[
  {"op":"remove","path":"/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution"},
  {"op":"add","path":"/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution","value":[{"weight":100,"podAffinityTerm":{"labelSelector":{"matchLabels":{"app":"spread"}},"topologyKey":"kubernetes.io/hostname"}}]}]'
