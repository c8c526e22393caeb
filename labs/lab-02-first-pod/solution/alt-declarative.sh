#!/usr/bin/env bash
# Alternative solution: both Pods from manifests (the task grades the result, not the command).
set -euo pipefail
ns=lab-02
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    run: web
spec:
  containers:
    - name: web
      image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: nginx-yaml
  labels:
    app: nginx
    tier: demo
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
          name: http
          protocol: TCP
      resources:
        requests: { cpu: 50m, memory: 32Mi }
        limits: { cpu: 500m, memory: 256Mi }
YAML
kubectl wait pod/web --for=condition=Ready -n $ns --timeout=120s
