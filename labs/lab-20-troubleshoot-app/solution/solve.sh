#!/usr/bin/env bash
# Reference solution: investigate first (on the simulated cluster there are no probe events and no
# logs, so those commands may print nothing or fail), then fix the causes and record them.
set -euo pipefail
ns=lab-20

kubectl get pods -n $ns
kubectl get events -n $ns --sort-by=.lastTimestamp | tail -n 10
kubectl describe deployment shop -n $ns | grep -E 'Liveness|Readiness|Port'
kubectl logs deploy/worker -n $ns --previous || true
kubectl get configmap worker-config -n $ns -o yaml

# shop-probes-fixed: liveness knocked on 8080 (nginx listens on 80, the port named http);
# readiness asked for /healthz, which nginx answers with 404
kubectl patch deployment shop -n $ns --type=json -p '[
  {"op": "replace", "path": "/spec/template/spec/containers/0/livenessProbe/httpGet/port", "value": "http"},
  {"op": "replace", "path": "/spec/template/spec/containers/0/readinessProbe/httpGet/path", "value": "/"}
]'

# worker-fixed: QUEUE_URL from the ConfigMap (set env --from writes one configMapKeyRef per key)
kubectl set env deployment/worker --from=configmap/worker-config -n $ns

kubectl rollout status deployment/shop -n $ns --timeout=120s
kubectl rollout status deployment/worker -n $ns --timeout=120s

# rca: what was found (the exit code is under "Last State" in describe pod on a real cluster)
kubectl create configmap rca -n $ns \
  --from-literal=shop-liveness=wrong-port \
  --from-literal=shop-readiness=wrong-path \
  --from-literal=worker=missing-env \
  --from-literal=worker-exit-code=3
