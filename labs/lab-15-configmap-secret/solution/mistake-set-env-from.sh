#!/usr/bin/env bash
# fails: wired
# Near miss: `kubectl set env --from=configmap/api-config` copies today's keys into separate env
# entries instead of adding envFrom, so a key added to the ConfigMap later never reaches the app.
set -euo pipefail
ns=lab-15
kubectl patch deployment api -n $ns --type=json \
  -p '[{"op":"replace","path":"/spec/template/spec/containers/0/env/1/valueFrom/secretKeyRef/key","value":"password"}]'
kubectl create configmap api-config --from-literal=LOG_LEVEL=info --from-literal=APP_MODE=production -n $ns
cd "$(mktemp -d)"
echo '<h1>Hello from lab-15</h1>' > index.html
echo 'User-agent: *' > robots.txt
kubectl create configmap api-pages --from-file=index.html --from-file=robots.txt -n $ns
kubectl create secret generic api-token --from-literal=token=wh-7f3a9c -n $ns
kubectl set env deployment/api --from=secret/api-token --keys=token --prefix=API_ -n $ns
kubectl set env deployment/api --from=configmap/api-config -n $ns
kubectl patch deployment api -n $ns -p '{"spec":{"template":{"spec":{"containers":[{"name":"api","volumeMounts":[{"name":"pages","mountPath":"/usr/share/nginx/html"}]}],"volumes":[{"name":"pages","configMap":{"name":"api-pages","items":[{"key":"index.html","path":"index.html"}]}}]}}}}'
kubectl rollout status deployment/api -n $ns --timeout=120s
