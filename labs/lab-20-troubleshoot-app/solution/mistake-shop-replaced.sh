#!/usr/bin/env bash
# fails: shop-probes-fixed/same-deployment
# Near miss: `kubectl replace --force` with the fixed YAML — shop is deleted and created anew instead of fixed in place.
set -euo pipefail
ns=lab-20

# shop-probes-fixed
kubectl get deployment shop -n $ns -o yaml \
  | kubectl patch -f - --local --type=json -o yaml -p '[
  {"op":"replace","path":"/spec/template/spec/containers/0/livenessProbe/httpGet/port","value":80},
  {"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/path","value":"/"}]' \
  | kubectl replace --force -f -
kubectl rollout status deployment/shop -n $ns --timeout=90s

# worker-fixed
kubectl set env deployment/worker -n $ns --from=configmap/worker-config
kubectl rollout status deployment/worker -n $ns --timeout=90s

# rca
kubectl create configmap rca -n $ns --from-literal=shop-liveness=wrong-port --from-literal=shop-readiness=wrong-path --from-literal=worker=missing-env --from-literal=worker-exit-code=3
