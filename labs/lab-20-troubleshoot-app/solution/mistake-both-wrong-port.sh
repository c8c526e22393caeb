#!/usr/bin/env bash
# fails: shop-probes-fixed, rca
# Near miss: both probe failures taken for the same cause. The readiness probe is moved to port 80,
# which it already used (the port named http), and still asks for /healthz: nginx answers 404.
set -euo pipefail
ns=lab-20
kubectl patch deployment shop -n $ns --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe/httpGet/port", "value": 80},
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe/httpGet/port", "value": 80}
]'
kubectl set env deployment/worker --from=configmap/worker-config -n $ns
kubectl create configmap rca -n $ns --from-literal=shop-liveness=wrong-port --from-literal=shop-readiness=wrong-port \
  --from-literal=worker=missing-env --from-literal=worker-exit-code=3
kubectl rollout status deployment/shop -n $ns --timeout=120s
