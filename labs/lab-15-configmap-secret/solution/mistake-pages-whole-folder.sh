#!/usr/bin/env bash
# fails: api-pages/keys
# Near miss: --from-file=. on the working folder, which also holds the learner's api-token.yaml — the ConfigMap gets a third key.
set -euo pipefail
ns=lab-15
tmp=$(mktemp -d)
# secret-ref-fixed: the Secret's key is `password`
kubectl patch deployment api -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/env/1/valueFrom/secretKeyRef/key","value":"password"}]'
# api-config
kubectl create configmap api-config -n $ns --from-literal=LOG_LEVEL=info --from-literal=APP_MODE=production
# api-pages
cd "$tmp"
echo '<h1>Hello from lab-15</h1>' > index.html
echo 'User-agent: *' > robots.txt
printf 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-token\ntype: Opaque\nstringData:\n  token: wh-7f3a9c\n' > api-token.yaml
kubectl create configmap api-pages -n $ns --from-file=.
cd - > /dev/null
# api-token
kubectl apply -n $ns -f "$tmp/api-token.yaml"
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
