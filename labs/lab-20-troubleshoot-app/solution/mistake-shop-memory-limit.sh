#!/usr/bin/env bash
# fails: all-healthy/ready
# Near miss: a memory limit of 4Mi is added to shop "as good practice" — nginx is killed for memory at start, so its Pods restart and are never Ready.
# graded on real nodes (kind tier)
set -euo pipefail
ns=lab-20

# shop-probes-fixed
kubectl set resources deployment shop -n $ns -c shop --limits=memory=4Mi
kubectl patch deployment shop -n $ns --type=json -p '[
  {"op":"replace","path":"/spec/template/spec/containers/0/livenessProbe/httpGet/port","value":80},
  {"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/path","value":"/"}]'

# worker-fixed
kubectl set env deployment/worker -n $ns --from=configmap/worker-config
kubectl rollout status deployment/worker -n $ns --timeout=90s

# rca
kubectl create configmap rca -n $ns --from-literal=shop-liveness=wrong-port --from-literal=shop-readiness=wrong-path --from-literal=worker=missing-env --from-literal=worker-exit-code=3
