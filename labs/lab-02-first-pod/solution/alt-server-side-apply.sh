#!/usr/bin/env bash
# An alternative: web with extra `kubectl run` flags (--restart=Never, --port, a label), and the
# manifest applied server-side (`kubectl apply --server-side -f`), with TCP and the port name spelled out.
set -euo pipefail
ns=lab-02
kubectl run web --image=nginx:1.27 --restart=Never --port=80 --labels=app=web -n $ns
file=$(mktemp --suffix=.yaml)
trap 'rm -f "$file"' EXIT
cat >"$file" <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: nginx-yaml
  namespace: lab-02
  labels:
    app: nginx
    tier: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 80
          protocol: TCP
      resources:
        limits:
          cpu: "1"
          memory: 1Gi
        requests:
          cpu: "0.5"
          memory: 512Mi
YAML
kubectl apply --server-side -f "$file"
