#!/usr/bin/env bash
# fails: worker-fixed/from-configmap
# Near miss: a new ConfigMap worker-env is made with QUEUE_URL and used — the task takes it from the ConfigMap that already holds it.
set -euo pipefail
ns=lab-20

# shop-probes-fixed
kubectl patch deployment shop -n $ns --type=json -p '[
  {"op":"replace","path":"/spec/template/spec/containers/0/livenessProbe/httpGet/port","value":80},
  {"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/path","value":"/"}]'
kubectl rollout status deployment/shop -n $ns --timeout=90s

# worker-fixed
kubectl create configmap worker-env -n $ns --from-literal=QUEUE_URL=amqp://queue.lab-20.svc:5672
kubectl set env deployment/worker -n $ns --from=configmap/worker-env
kubectl rollout status deployment/worker -n $ns --timeout=90s

# rca
kubectl create configmap rca -n $ns --from-literal=shop-liveness=wrong-port --from-literal=shop-readiness=wrong-path --from-literal=worker=missing-env --from-literal=worker-exit-code=3
