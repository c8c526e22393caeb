#!/usr/bin/env bash
# fails: worker-fixed/command-unchanged
# Near miss: QUEUE_URL comes from worker-config, but the script is also edited to fall back to a built-in URL — the task keeps the command as it is.
set -euo pipefail
ns=lab-20

# shop-probes-fixed
kubectl patch deployment shop -n $ns --type=json -p '[
  {"op":"replace","path":"/spec/template/spec/containers/0/livenessProbe/httpGet/port","value":80},
  {"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/path","value":"/"}]'
kubectl rollout status deployment/shop -n $ns --timeout=90s

# worker-fixed
kubectl set env deployment/worker -n $ns --from=configmap/worker-config
kubectl patch deployment worker -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/command","value":["sh","-c",": \"${QUEUE_URL:=amqp://queue.lab-20.svc:5672}\"\necho \"worker connected to $QUEUE_URL\"\nwhile true; do sleep 30; done\n"]}]'
kubectl rollout status deployment/worker -n $ns --timeout=90s

# rca
kubectl create configmap rca -n $ns --from-literal=shop-liveness=wrong-port --from-literal=shop-readiness=wrong-path --from-literal=worker=missing-env --from-literal=worker-exit-code=3
