#!/usr/bin/env bash
# An alternative: both Pods name the image in full, docker.io/library/nginx:1.27 — the same image as
# nginx:1.27; requests equal to limits (Guaranteed QoS).
set -euo pipefail
ns=lab-02
kubectl run web --image=docker.io/library/nginx:1.27 -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: nginx-yaml
  labels: {app: nginx}
spec:
  containers:
    - name: nginx
      image: docker.io/library/nginx:1.27
      ports: [{containerPort: 80, name: http}]
      resources:
        requests: {cpu: 200m, memory: 128Mi}
        limits: {cpu: 200m, memory: 128Mi}
YAML
