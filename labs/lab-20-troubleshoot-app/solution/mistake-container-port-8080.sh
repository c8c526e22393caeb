#!/usr/bin/env bash
# fails: shop-probes-fixed/port
# Near miss: the declared containerPort is changed to 8080 to match the liveness probe — nginx still listens on 80, so both probes (readiness through the name http) now knock on 8080.
set -euo pipefail
ns=lab-20

# shop-probes-fixed
kubectl patch deployment shop -n $ns --type=json -p '[
  {"op":"replace","path":"/spec/template/spec/containers/0/ports/0/containerPort","value":8080},
  {"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/path","value":"/"}]'
kubectl rollout status deployment/shop -n $ns --timeout=90s

# worker-fixed
kubectl set env deployment/worker -n $ns --from=configmap/worker-config
kubectl rollout status deployment/worker -n $ns --timeout=90s

# rca
kubectl create configmap rca -n $ns --from-literal=shop-liveness=wrong-port --from-literal=shop-readiness=wrong-path --from-literal=worker=missing-env --from-literal=worker-exit-code=3
