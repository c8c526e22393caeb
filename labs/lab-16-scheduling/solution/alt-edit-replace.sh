#!/usr/bin/env bash
# Alternative, as `kubectl edit` does it: read the object, change it, write it back in place
# (`kubectl replace` without --force keeps the same object). The Pod gets its toleration before the
# node is labelled, so the taint may come last. spread is scaled to 0 and back instead of changing
# the strategy.
set -euo pipefail
ns=lab-16

# gpu-pod: the toleration, written back with replace (same Pod)
kubectl get pod gpu-pod -n $ns -o yaml \
  | kubectl patch -f - --local --type=json -o yaml \
      -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"gpu","operator":"Equal","value":"true","effect":"NoSchedule"}}]' \
  | kubectl replace -f -

# gpu-node
kubectl label node wheelhouse-worker gpu=true
kubectl taint node wheelhouse-worker gpu=true:NoSchedule
kubectl wait pod/gpu-pod -n $ns --for=jsonpath='{.spec.nodeName}'=wheelhouse-worker --timeout=60s

# spread-scheduled: empty it, fix the rule, fill it again
kubectl scale deployment spread -n $ns --replicas=0
# settled first: a status update between the get and the replace is a Conflict
kubectl rollout status deployment/spread -n $ns --timeout=60s
kubectl get deployment spread -n $ns -o yaml \
  | kubectl patch -f - --local --type=json -o yaml -p '[
      {"op":"remove","path":"/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution"},
      {"op":"add","path":"/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution","value":[{"weight":1,"podAffinityTerm":{"topologyKey":"kubernetes.io/hostname","labelSelector":{"matchLabels":{"app":"spread"}}}}]}]' \
  | kubectl replace -f -
kubectl scale deployment spread -n $ns --replicas=3
kubectl rollout status deployment/spread -n $ns --timeout=120s
