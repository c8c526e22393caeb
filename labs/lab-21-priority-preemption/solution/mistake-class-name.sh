#!/usr/bin/env bash
# fails: priority-class/name
# Near miss: the class is called critical (and the Pod names it consistently) — the task asks for critical-priority.
set -euo pipefail
ns=lab-21

kubectl apply -f - <<'YAML'
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: critical
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
  priorityClassName: critical
  nodeSelector:
    kubernetes.io/hostname: wheelhouse-worker2
  containers:
    - name: app
      image: registry.k8s.io/pause:3.10
      resources:
        requests:
          cpu: 500m
          memory: 64Mi
YAML
