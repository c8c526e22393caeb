#!/usr/bin/env bash
# fails: secret-ref-fixed, wired
# Near miss: "fixing" the broken Deployment by deleting it and creating a fresh one. The new one has
# one replica, a container named nginx and neither DB_USER nor DB_PASSWORD: the app lost its database.
set -euo pipefail
ns=lab-15
kubectl delete deployment api -n $ns
kubectl create deployment api --image=nginx:1.27 -n $ns
kubectl create configmap api-config --from-literal=LOG_LEVEL=info --from-literal=APP_MODE=production -n $ns
cd "$(mktemp -d)"
echo '<h1>Hello from lab-15</h1>' > index.html
echo 'User-agent: *' > robots.txt
kubectl create configmap api-pages --from-file=index.html --from-file=robots.txt -n $ns
kubectl create secret generic api-token --from-literal=token=wh-7f3a9c -n $ns
kubectl set env deployment/api --from=secret/api-token --keys=token --prefix=API_ -n $ns
kubectl rollout status deployment/api -n $ns --timeout=120s
