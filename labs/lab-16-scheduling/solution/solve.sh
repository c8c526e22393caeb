#!/usr/bin/env bash
# Reference solution: find out why the Pods are Pending, then fix the node, the Pod and the Deployment.
set -euo pipefail
ns=lab-16

kubectl get pods -n $ns -o wide
kubectl describe pod gpu-pod -n $ns | tail -5

# gpu-node: taint first, so nothing ordinary lands on the node once it is labelled
kubectl taint node wheelhouse-worker gpu=true:NoSchedule
kubectl label node wheelhouse-worker gpu=true

# gpu-pod: a Pod takes new tolerations in place
kubectl patch pod gpu-pod -n $ns --type=json \
  -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"gpu","operator":"Equal","value":"true","effect":"NoSchedule"}}]'
kubectl wait pod/gpu-pod -n $ns --for=condition=PodScheduled --timeout=60s
kubectl get pod gpu-pod -n $ns -o wide

# spread-scheduled: required → preferred, same selector and topology key. The old Pods' hard rule
# also keeps new Pods off their nodes (anti-affinity is symmetric), so a rolling update that keeps
# them running stalls: Recreate replaces them all at once.
kubectl patch deployment spread -n $ns --type=json -p '[
  {"op":"replace","path":"/spec/strategy","value":{"type":"Recreate"}},
  {"op":"remove","path":"/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution"},
  {"op":"add","path":"/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution","value":[
    {"weight":100,"podAffinityTerm":{"topologyKey":"kubernetes.io/hostname","labelSelector":{"matchLabels":{"app":"spread"}}}}]}
]'
kubectl rollout status deployment/spread -n $ns --timeout=120s
