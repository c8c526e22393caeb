#!/usr/bin/env bash
# Alternative: imperative — kubectl set env rewrites DB_PASSWORD from the key password (--keys with
# --prefix DB_), the settings come from an env file, the pages from a folder, the token from a
# literal (no newline either), API_TOKEN through kubectl set env --from=secret with --prefix API_;
# envFrom and the volume are added with one JSON patch.
set -euo pipefail
ns=lab-15
tmp=$(mktemp -d)
kubectl set env deployment/api -n $ns --from=secret/db-credentials --keys=password --prefix=DB_
printf 'LOG_LEVEL=info\nAPP_MODE=production\n' > "$tmp/api.env"
kubectl create configmap api-config -n $ns --from-env-file="$tmp/api.env"
mkdir "$tmp/pages"
printf '%s\n' '<h1>Hello from lab-15</h1>' > "$tmp/pages/index.html"
printf '%s\n' 'User-agent: *' > "$tmp/pages/robots.txt"
kubectl create configmap api-pages -n $ns --from-file="$tmp/pages/"
kubectl create secret generic api-token -n $ns --from-literal=token=wh-7f3a9c
kubectl set env deployment/api -n $ns --from=secret/api-token --prefix=API_
kubectl patch deployment api -n $ns --type=json -p '[
  {"op":"add","path":"/spec/template/spec/containers/0/envFrom","value":[{"configMapRef":{"name":"api-config"}}]},
  {"op":"add","path":"/spec/template/spec/volumes","value":[{"name":"html","configMap":{"name":"api-pages","items":[{"key":"index.html","path":"index.html"}]}}]},
  {"op":"add","path":"/spec/template/spec/containers/0/volumeMounts","value":[{"name":"html","mountPath":"/usr/share/nginx/html","readOnly":true}]}
]'
kubectl rollout status deployment/api -n $ns --timeout=60s
