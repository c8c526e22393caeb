#!/usr/bin/env bash
# fails: worker-fixed/same-deployment
# Near miss: worker is deleted and re-created from its YAML with the env added, instead of being changed in place.
set -euo pipefail
ns=lab-20

# shop-probes-fixed
kubectl patch deployment shop -n $ns --type=json -p '[
  {"op":"replace","path":"/spec/template/spec/containers/0/livenessProbe/httpGet/port","value":80},
  {"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/path","value":"/"}]'
kubectl rollout status deployment/shop -n $ns --timeout=90s

# worker-fixed
kubectl get deployment worker -n $ns -o yaml \
  | kubectl patch -f - --local --type=json -o yaml -p '[{"op":"add","path":"/spec/template/spec/containers/0/envFrom","value":[{"configMapRef":{"name":"worker-config"}}]}]' \
  | kubectl replace --force -f -
kubectl rollout status deployment/worker -n $ns --timeout=90s

# rca
kubectl create configmap rca -n $ns --from-literal=shop-liveness=wrong-port --from-literal=shop-readiness=wrong-path --from-literal=worker=missing-env --from-literal=worker-exit-code=3
