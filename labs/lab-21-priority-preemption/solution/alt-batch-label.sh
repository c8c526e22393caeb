#!/usr/bin/env bash
# Correct alternative: the Pod selects the node by the label only wheelhouse-worker2 carries
# (workload=batch), as the hint suggests; requests and limits both set (limits were not forbidden).
set -euo pipefail
ns=lab-21

cat <<'YAML' | kubectl apply -f -
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: critical-priority
  labels: {wheelhouse.dev/lab: lab-21}
value: 1000000
YAML

cat <<'YAML' | kubectl apply -n $ns -f -
apiVersion: v1
kind: Pod
metadata:
  name: critical
spec:
  priorityClassName: critical-priority
  nodeSelector:
    workload: batch
  containers:
    - name: app
      image: registry.k8s.io/pause:3.10
      resources:
        requests: {cpu: 500m, memory: 64Mi}
        limits: {cpu: 500m, memory: 64Mi}
YAML
kubectl wait pod/critical -n $ns --for=condition=Ready --timeout=60s
