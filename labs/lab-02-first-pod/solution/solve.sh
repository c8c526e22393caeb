#!/usr/bin/env bash
# Reference solution: one imperative command, one manifest.
set -euo pipefail
ns=lab-02

# web-pod
kubectl run web --image=nginx:1.27 -n $ns

# yaml-pod
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: nginx-yaml
  labels:
    app: nginx
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 80
      resources:
        requests:
          cpu: 100m
          memory: 64Mi
        limits:
          cpu: 250m
          memory: 128Mi
YAML

# web-ready
kubectl wait pod/web --for=condition=Ready -n $ns --timeout=120s
kubectl logs web -n $ns --tail=5 || true
