#!/usr/bin/env bash
# fails: api-token
# Near miss: the token written into `data` by hand with `echo VALUE | base64`. echo adds a newline,
# so the stored token is "wh-7f3a9c\n" and every client that sends it is refused.
set -euo pipefail
ns=lab-15
kubectl patch deployment api -n $ns --type=json \
  -p '[{"op":"replace","path":"/spec/template/spec/containers/0/env/1/valueFrom/secretKeyRef/key","value":"password"}]'
kubectl create configmap api-config --from-literal=LOG_LEVEL=info --from-literal=APP_MODE=production -n $ns
cd "$(mktemp -d)"
echo '<h1>Hello from lab-15</h1>' > index.html
echo 'User-agent: *' > robots.txt
kubectl create configmap api-pages --from-file=index.html --from-file=robots.txt -n $ns
kubectl apply -n $ns -f - <<YAML
apiVersion: v1
kind: Secret
metadata:
  name: api-token
type: Opaque
data:
  token: $(echo wh-7f3a9c | base64)
YAML
kubectl set env deployment/api --from=secret/api-token --keys=token --prefix=API_ -n $ns
kubectl patch deployment api -n $ns -p '{"spec":{"template":{"spec":{"containers":[{"name":"api","envFrom":[{"configMapRef":{"name":"api-config"}}],"volumeMounts":[{"name":"pages","mountPath":"/usr/share/nginx/html"}]}],"volumes":[{"name":"pages","configMap":{"name":"api-pages","items":[{"key":"index.html","path":"index.html"}]}}]}}}}'
kubectl rollout status deployment/api -n $ns --timeout=120s
