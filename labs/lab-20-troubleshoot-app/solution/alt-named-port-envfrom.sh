#!/usr/bin/env bash
# Alternative: the liveness probe names the port (http, which is 80) and asks for /index.html, the
# readiness probe asks for /; the worker takes every key of worker-config with envFrom; rca written
# as a manifest, the exit code quoted.
set -euo pipefail
ns=lab-20

# shop-probes-fixed
kubectl patch deployment shop -n $ns --type=strategic -p '
spec:
  template:
    spec:
      containers:
        - name: shop
          livenessProbe:
            httpGet:
              path: /index.html
              port: http
          readinessProbe:
            httpGet:
              path: /
              port: http
'
kubectl rollout status deployment/shop -n $ns --timeout=90s

# worker-fixed
kubectl patch deployment worker -n $ns --type=strategic -p '{"spec":{"template":{"spec":{"containers":[{"name":"worker","envFrom":[{"configMapRef":{"name":"worker-config"}}]}]}}}}'
kubectl rollout status deployment/worker -n $ns --timeout=90s

# rca
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: rca
  namespace: lab-20
data:
  shop-liveness: wrong-port
  shop-readiness: wrong-path
  worker: missing-env
  worker-exit-code: "3"
YAML
