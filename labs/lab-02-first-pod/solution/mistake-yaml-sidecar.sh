#!/usr/bin/env bash
# fails: yaml-pod/one-container
# Near miss: a busybox sidecar added beside nginx — the task asks for one container.
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
          memory: 64Mi
        limits:
          cpu: 250m
          memory: 128Mi
    - name: helper
      image: busybox:1.36
      command: [sh, -c, "sleep 3600"]
YAML
