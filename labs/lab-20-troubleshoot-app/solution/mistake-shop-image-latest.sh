#!/usr/bin/env bash
# fails: shop-probes-fixed/container
# Near miss: the image is switched to nginx:latest ("maybe the image is bad") as well as the probes fixed — the task keeps nginx:1.27.
set -euo pipefail
ns=lab-20

# shop-probes-fixed
kubectl set image deployment/shop -n $ns shop=nginx:latest
kubectl patch deployment shop -n $ns --type=json -p '[
  {"op":"replace","path":"/spec/template/spec/containers/0/livenessProbe/httpGet/port","value":80},
  {"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/path","value":"/"}]'
kubectl rollout status deployment/shop -n $ns --timeout=90s

# worker-fixed
kubectl set env deployment/worker -n $ns --from=configmap/worker-config
kubectl rollout status deployment/worker -n $ns --timeout=90s

# rca
kubectl create configmap rca -n $ns --from-literal=shop-liveness=wrong-port --from-literal=shop-readiness=wrong-path --from-literal=worker=missing-env --from-literal=worker-exit-code=3
