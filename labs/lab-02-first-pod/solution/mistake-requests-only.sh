#!/usr/bin/env bash
# fails: yaml-pod/memory
# Near miss: a memory request without a memory limit — the container may use all of the node's memory.
set -euo pipefail
ns=lab-02
kubectl run web --image=nginx:1.27 -n $ns
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
        limits: { cpu: 250m }
YAML
