#!/usr/bin/env bash
# fails: secret-ref-fixed/container-api
# Near miss: the manifest written from memory names the container nginx, as kubectl create deployment would — the container api is gone.
set -euo pipefail
ns=lab-15
tmp=$(mktemp -d)
# secret-ref-fixed (kubectl replace reads the live resourceVersion first: while the controller still
# writes the status it can be refused with a conflict, so try again as a learner would)
cat > "$tmp/api.yaml" <<'YAML'
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
        - name: nginx
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
for i in 1 2 3 4 5; do kubectl replace -n $ns -f "$tmp/api.yaml" && break; [ $i = 5 ] && exit 1; sleep 1; done
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
        - name: nginx
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
