#!/usr/bin/env bash
# fails: web-pod/image
# Near miss: the alpine variant nginx:1.27-alpine — a different image from nginx:1.27.
set -euo pipefail
ns=lab-02
kubectl run web --image=nginx:1.27-alpine -n $ns
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
          memory: 64Mi
        limits:
          cpu: 250m
          memory: 128Mi
YAML
