#!/usr/bin/env bash
# fails: yaml-pod/label
# Near miss: kept the label run=nginx-yaml that `kubectl run --dry-run=client -o yaml` writes, instead of app=nginx.
set -euo pipefail
ns=lab-02
kubectl run web --image=nginx:1.27 -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: nginx-yaml
  labels:
    run: nginx-yaml
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
          name: http
      resources:
        requests:
          cpu: 100m
          memory: 64Mi
        limits:
          cpu: 250m
          memory: 128Mi
YAML
