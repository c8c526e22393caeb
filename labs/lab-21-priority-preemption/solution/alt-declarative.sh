#!/usr/bin/env bash
# Alternative solution: one manifest. The class spells out its defaults, and the Pod reaches the
# node through required node affinity on the batch label instead of a node selector.
set -euo pipefail
kubectl apply -f - <<'YAML'
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: critical-priority
  labels:
    wheelhouse.dev/lab: lab-21
value: 1000000
globalDefault: false
preemptionPolicy: PreemptLowerPriority
description: Services that must run, even if batch work has to make room.
---
apiVersion: v1
kind: Pod
metadata:
  name: critical
  namespace: lab-21
  labels:
    app: critical
spec:
  priorityClassName: critical-priority
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - { key: workload, operator: In, values: [batch] }
  containers:
    - name: app
      image: registry.k8s.io/pause:3.10
      resources:
        requests: { cpu: "0.5", memory: 64Mi }
        limits: { cpu: "0.5", memory: 64Mi }
YAML
kubectl wait pod/critical -n lab-21 --for=condition=Ready --timeout=90s
