#!/usr/bin/env bash
# Alternative solution: everything declared in manifests (LimitRange applied before the Pods),
# with the other spellings of the same caps: count/pods for pods, cpu for requests.cpu.
set -euo pipefail
ns=lab-05
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
spec:
  hard:
    count/pods: "5"
    cpu: 2000m
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
spec:
  limits:
    - type: Container
      defaultRequest: { cpu: 100m, memory: 128Mi }
      default: { cpu: 500m, memory: 256Mi }
YAML
kubectl wait resourcequota/compute -n $ns --for=jsonpath='{.status.hard}' --timeout=30s
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: plain
spec:
  containers:
    - name: pause
      image: registry.k8s.io/pause:3.10
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: filler
spec:
  replicas: 6
  selector:
    matchLabels: { app: filler }
  template:
    metadata:
      labels: { app: filler }
    spec:
      containers:
        - name: pause
          image: registry.k8s.io/pause:3.10
YAML
