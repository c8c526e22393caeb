#!/usr/bin/env bash
# fails: critical-pod/one-container
# Near miss: a busybox sidecar beside app — the task asks for one container.
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
description: Work that must run, even if batch work has to make room.
YAML

kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: critical
spec:
  priorityClassName: critical-priority
  nodeSelector:
    kubernetes.io/hostname: wheelhouse-worker2
  containers:
    - name: app
      image: registry.k8s.io/pause:3.10
      resources:
        requests:
          cpu: 500m
          memory: 64Mi
    - name: sidecar
      image: busybox:1.36
      command: [sleep, infinity]
YAML
