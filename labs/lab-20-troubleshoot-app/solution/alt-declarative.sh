#!/usr/bin/env bash
# Alternative solution: corrected manifests applied whole (the same objects, changed in place) — the
# liveness probe on port 80 by number, the readiness probe on /index.html, envFrom for the worker —
# and the answers as YAML.
set -euo pipefail
ns=lab-20
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels:
    app: shop
    wheelhouse.dev/lab: lab-20
spec:
  replicas: 2
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
        wheelhouse.dev/lab: lab-20
    spec:
      containers:
        - name: shop
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 80
          livenessProbe:
            httpGet:
              path: /
              port: 80
            initialDelaySeconds: 5
            periodSeconds: 5
          readinessProbe:
            httpGet:
              path: /index.html
              port: 80
            periodSeconds: 5
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  labels:
    app: worker
    wheelhouse.dev/lab: lab-20
spec:
  replicas: 1
  selector:
    matchLabels:
      app: worker
  template:
    metadata:
      labels:
        app: worker
        wheelhouse.dev/lab: lab-20
    spec:
      containers:
        - name: worker
          image: busybox:1.36
          envFrom:
            - configMapRef:
                name: worker-config
          command:
            - sh
            - -c
            - |
              if [ -z "$QUEUE_URL" ]; then
                echo "fatal: QUEUE_URL is not set, cannot connect to the queue" >&2
                exit 3
              fi
              echo "worker connected to $QUEUE_URL"
              while true; do sleep 30; done
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: rca
data:
  shop-liveness: wrong-port
  shop-readiness: wrong-path
  worker: missing-env
  worker-exit-code: "3"
YAML
kubectl rollout status deployment/shop -n $ns --timeout=120s
kubectl rollout status deployment/worker -n $ns --timeout=120s
