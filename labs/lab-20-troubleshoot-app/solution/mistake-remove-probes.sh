#!/usr/bin/env bash
# fails: shop-probes-fixed/probes-kept
# Near miss: the probes are deleted. The Pods stop restarting and turn Ready — because nothing checks
# them any more. A hung nginx would now stay in the Service forever.
set -euo pipefail
ns=lab-20
kubectl patch deployment shop -n $ns --type=json -p '[
  {"op": "remove", "path": "/spec/template/spec/containers/0/livenessProbe"},
  {"op": "remove", "path": "/spec/template/spec/containers/0/readinessProbe"}
]'
kubectl set env deployment/worker --from=configmap/worker-config -n $ns
kubectl create configmap rca -n $ns --from-literal=shop-liveness=wrong-port --from-literal=shop-readiness=wrong-path \
  --from-literal=worker=missing-env --from-literal=worker-exit-code=3
kubectl rollout status deployment/shop -n $ns --timeout=120s
