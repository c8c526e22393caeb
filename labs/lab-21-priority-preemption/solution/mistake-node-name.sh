#!/usr/bin/env bash
# fails: critical-running/placed
# Near miss: spec.nodeName pins the Pod to wheelhouse-worker2 and skips the scheduler, so nothing preempts room for it.
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
  nodeName: wheelhouse-worker2
  containers:
    - name: app
      image: registry.k8s.io/pause:3.10
      resources:
        requests:
          cpu: 500m
          memory: 64Mi
YAML
