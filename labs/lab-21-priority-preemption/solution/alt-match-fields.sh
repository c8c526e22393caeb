#!/usr/bin/env bash
# Correct alternative: every default of the class spelled out (preemptionPolicy, globalDefault);
# the Pod selects the node by its name with matchFields, and asks for memory in Ki.
set -euo pipefail
ns=lab-21

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
description: Critical work that may preempt batch Pods.
YAML

kubectl apply -f - <<'YAML'
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
          - matchFields:
              - key: metadata.name
                operator: In
                values: [wheelhouse-worker2]
  containers:
    - name: app
      image: registry.k8s.io/pause:3.10
      resources:
        requests:
          memory: 65536Ki
          cpu: 500m
YAML
kubectl wait pod/critical -n $ns --for=condition=Ready --timeout=60s
