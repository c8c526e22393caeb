#!/usr/bin/env bash
# fails: web-pod/image
# Near miss: no tag, so the Pod runs nginx:latest — not the pinned version the task asks for.
set -euo pipefail
ns=lab-02
kubectl run web --image=nginx -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata: { name: nginx-yaml, labels: { app: nginx } }
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports: [{ name: http, containerPort: 80 }]
      resources:
        requests: { cpu: 100m, memory: 64Mi }
        limits: { cpu: 250m, memory: 128Mi }
YAML
