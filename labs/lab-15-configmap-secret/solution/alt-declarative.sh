#!/usr/bin/env bash
# Alternative solution: everything as YAML, and the other fix for the broken reference — give the
# Secret the key the Deployment asks for (DB_PASS) instead of changing the Deployment's key.
set -euo pipefail
ns=lab-15
password=$(kubectl get secret db-credentials -n $ns -o jsonpath='{.data.password}' | base64 -d)
kubectl patch secret db-credentials -n $ns -p "{\"stringData\":{\"DB_PASS\":\"$password\"}}"

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
                  key: DB_PASS
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
