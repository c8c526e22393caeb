#!/usr/bin/env bash
# fails: worker-fixed
# Near miss: the crash is "fixed" by replacing the worker's command with one that no longer checks
# QUEUE_URL. The Pod stays up, and the worker still does not know where its queue is.
set -euo pipefail
ns=lab-20
kubectl patch deployment shop -n $ns --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe/httpGet/port", "value": 80},
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe/httpGet/path", "value": "/"}
]'
kubectl patch deployment worker -n $ns --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/command", "value": ["sh", "-c", "echo worker started; while true; do sleep 30; done"]}
]'
kubectl create configmap rca -n $ns --from-literal=shop-liveness=wrong-port --from-literal=shop-readiness=wrong-path \
  --from-literal=worker=missing-env --from-literal=worker-exit-code=3
kubectl rollout status deployment/worker -n $ns --timeout=120s
