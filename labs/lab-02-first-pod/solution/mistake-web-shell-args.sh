#!/usr/bin/env bash
# fails: web-ready/ready
# Near miss: `-- /bin/sh` copied from an interactive example without -it: nginx is replaced by a shell that exits at once, so web never becomes Ready.
# graded on real nodes (kind tier)
set -euo pipefail
ns=lab-02
kubectl run web --image=nginx:1.27 -n $ns -- /bin/sh
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
