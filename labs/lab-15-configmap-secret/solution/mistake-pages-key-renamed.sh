#!/usr/bin/env bash
# fails: api-pages/keys
# Near miss: --from-file=index=index.html names the key index — the file name index.html was to be the key.
set -euo pipefail
ns=lab-15
tmp=$(mktemp -d)
# secret-ref-fixed: the Secret's key is `password`
kubectl patch deployment api -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/env/1/valueFrom/secretKeyRef/key","value":"password"}]'
# api-config
kubectl create configmap api-config -n $ns --from-literal=LOG_LEVEL=info --from-literal=APP_MODE=production
# api-pages
echo '<h1>Hello from lab-15</h1>' > "$tmp/index.html"
echo 'User-agent: *' > "$tmp/robots.txt"
kubectl create configmap api-pages -n $ns --from-file=index="$tmp/index.html" --from-file="$tmp/robots.txt"
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
