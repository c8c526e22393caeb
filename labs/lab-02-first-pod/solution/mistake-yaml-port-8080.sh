#!/usr/bin/env bash
# fails: yaml-pod/port
# Near miss: declared containerPort 8080 (named http) — nginx listens on 80, and the task says port 80.
set -euo pipefail
ns=lab-02
kubectl run web --image=nginx:1.27 -n $ns
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
        - containerPort: 8080
          name: http
      resources:
        requests:
          cpu: 100m
          memory: 64Mi
        limits:
          cpu: 250m
          memory: 128Mi
YAML
