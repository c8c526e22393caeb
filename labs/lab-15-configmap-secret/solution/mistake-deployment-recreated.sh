#!/usr/bin/env bash
# fails: secret-ref-fixed/in-place
# Near miss: the Deployment is deleted and created again from a corrected manifest — right in every field, but not the Deployment that was to be fixed.
set -euo pipefail
ns=lab-15
tmp=$(mktemp -d)
# secret-ref-fixed
kubectl delete deployment api -n $ns
kubectl apply -n $ns -f - <<'YAML'
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
YAML
# api-config
kubectl create configmap api-config -n $ns --from-literal=LOG_LEVEL=info --from-literal=APP_MODE=production
# api-pages
echo '<h1>Hello from lab-15</h1>' > "$tmp/index.html"
echo 'User-agent: *' > "$tmp/robots.txt"
kubectl create configmap api-pages -n $ns --from-file="$tmp/index.html" --from-file="$tmp/robots.txt"
# api-token
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Secret
metadata:
  name: api-token
type: Opaque
stringData:
  token: wh-7f3a9c
YAML
# wired
kubectl patch deployment api -n $ns --type=strategic -p '
spec:
  template:
    spec:
      containers:
        - name: api
          envFrom:
            - configMapRef:
                name: api-config
          env:
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
'
kubectl rollout status deployment/api -n $ns --timeout=60s
