#!/usr/bin/env bash
# fails: yaml-pod/memory
# Near miss: requests and limits for CPU only; memory forgotten in both.
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
        - containerPort: 80
          name: http
      resources:
        requests:
          cpu: 100m
        limits:
          cpu: 250m
YAML
