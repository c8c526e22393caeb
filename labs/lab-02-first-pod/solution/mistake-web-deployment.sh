#!/usr/bin/env bash
# fails: web-pod/name
# Near miss: `kubectl create deployment web` — its Pods are web-<hash>; the task asks for one Pod named web.
set -euo pipefail
ns=lab-02
kubectl create deployment web --image=nginx:1.27 -n $ns
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
