#!/usr/bin/env bash
# An alternative: the quota in YAML with the bare resource name cpu (the same as requests.cpu) and
# 2000m; the LimitRange in CPUs and bytes (0.1, 0.5, 134217728, 0.25Gi); plain and filler applied
# from manifests.
set -euo pipefail
ns=lab-05
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
spec:
  hard:
    pods: "5"
    cpu: 2000m
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
spec:
  limits:
    - type: Container
      default:
        cpu: "0.5"
        memory: 0.25Gi
      defaultRequest:
        cpu: "0.1"
        memory: "134217728"
YAML
kubectl wait resourcequota/compute -n $ns --for=jsonpath='{.status.hard.pods}'=5 --timeout=30s
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: plain
spec:
  containers:
    - name: pause
      image: registry.k8s.io/pause:3.10
YAML
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: filler
  labels:
    app: filler
spec:
  replicas: 6
  selector:
    matchExpressions:
      - {key: app, operator: In, values: [filler]}
  template:
    metadata:
      labels:
        app: filler
    spec:
      containers:
        - name: pause
          image: registry.k8s.io/pause:3.10
YAML
