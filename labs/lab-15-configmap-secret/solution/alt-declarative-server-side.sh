#!/usr/bin/env bash
# Alternative: declarative — ConfigMaps and Secret in YAML (the token as base64 of printf, no newline;
# page contents as block scalars, so with their newline), and the whole corrected Deployment applied
# server-side over the given one (same object): mountPath with a trailing slash, items with a mode.
set -euo pipefail
ns=lab-15
kubectl apply -n $ns -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  APP_MODE: production
  LOG_LEVEL: info
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-pages
data:
  index.html: |
    <h1>Hello from lab-15</h1>
  robots.txt: |
    User-agent: *
---
apiVersion: v1
kind: Secret
metadata:
  name: api-token
data:
  token: $(printf %s wh-7f3a9c | base64)
YAML
kubectl apply -n $ns --server-side --force-conflicts -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels:
    app: api
    wheelhouse.dev/lab: lab-15
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
        wheelhouse.dev/lab: lab-15
    spec:
      containers:
        - name: api
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 80
          envFrom:
            - configMapRef:
                name: api-config
          env:
            - name: DB_USER
              valueFrom:
                secretKeyRef:
                  name: db-credentials
                  key: username
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db-credentials
                  key: password
            - name: API_TOKEN
              valueFrom:
                secretKeyRef:
                  name: api-token
                  key: token
          volumeMounts:
            - name: pages
              mountPath: /usr/share/nginx/html/
      volumes:
        - name: pages
          configMap:
            name: api-pages
            items:
              - key: index.html
                path: index.html
                mode: 0444
YAML
kubectl rollout status deployment/api -n $ns --timeout=60s
