#!/usr/bin/env bash
# fails: worker-fixed/env
# Near miss: configMapKeyRef names the key queue-url; worker-config has QUEUE_URL, so the container cannot start (CreateContainerConfigError on a real node).
set -euo pipefail
ns=lab-20

# shop-probes-fixed
kubectl patch deployment shop -n $ns --type=json -p '[
  {"op":"replace","path":"/spec/template/spec/containers/0/livenessProbe/httpGet/port","value":80},
  {"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/path","value":"/"}]'
kubectl rollout status deployment/shop -n $ns --timeout=90s

# worker-fixed
kubectl patch deployment worker -n $ns --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/env","value":[{"name":"QUEUE_URL","valueFrom":{"configMapKeyRef":{"name":"worker-config","key":"queue-url"}}}]}]'

# rca
kubectl create configmap rca -n $ns --from-literal=shop-liveness=wrong-port --from-literal=shop-readiness=wrong-path --from-literal=worker=missing-env --from-literal=worker-exit-code=3
