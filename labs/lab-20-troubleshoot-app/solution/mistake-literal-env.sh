#!/usr/bin/env bash
# fails: worker-fixed/from-configmap
# Near miss: `kubectl set env deployment/worker QUEUE_URL=amqp://...` copies the value by hand instead of taking it from worker-config.
set -euo pipefail
ns=lab-20

# shop-probes-fixed
kubectl patch deployment shop -n $ns --type=json -p '[
  {"op":"replace","path":"/spec/template/spec/containers/0/livenessProbe/httpGet/port","value":80},
  {"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/path","value":"/"}]'
kubectl rollout status deployment/shop -n $ns --timeout=90s

# worker-fixed
kubectl set env deployment/worker -n $ns QUEUE_URL=amqp://queue.lab-20.svc:5672
kubectl rollout status deployment/worker -n $ns --timeout=90s

# rca
kubectl create configmap rca -n $ns --from-literal=shop-liveness=wrong-port --from-literal=shop-readiness=wrong-path --from-literal=worker=missing-env --from-literal=worker-exit-code=3
