#!/usr/bin/env bash
# Alternative solution: everything as YAML, applied with kubectl apply over the given objects: the
# whole Deployment written out again, its DB_PASSWORD reference now naming the key password (the
# Secret db-credentials is left as it is).
set -euo pipefail
ns=lab-15

kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  LOG_LEVEL: info
  APP_MODE: production
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
type: Opaque
stringData:
  token: wh-7f3a9c
---
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
              mountPath: /usr/share/nginx/html
      volumes:
        - name: pages
          configMap:
            name: api-pages
            items:
              - key: index.html
                path: index.html
YAML
kubectl rollout status deployment/api -n $ns --timeout=120s
