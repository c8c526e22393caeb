#!/usr/bin/env bash
# Alternative: both probes rewritten whole by a JSON patch, with the scheme HTTP spelled out; the
# worker's variable from one key of worker-config (configMapKeyRef, as `kubectl set env --keys`
# writes it); rca built from files, as `echo 3 > worker-exit-code` leaves them: each value ends in a
# newline.
set -euo pipefail
ns=lab-20

# shop-probes-fixed
kubectl patch deployment shop -n $ns --type=json -p '[
  {"op":"replace","path":"/spec/template/spec/containers/0/livenessProbe","value":{"httpGet":{"path":"/","port":80,"scheme":"HTTP"},"initialDelaySeconds":5,"periodSeconds":5}},
  {"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe","value":{"httpGet":{"path":"/index.html","port":80,"scheme":"HTTP"},"periodSeconds":5}}]'
kubectl rollout status deployment/shop -n $ns --timeout=90s

# worker-fixed
kubectl set env deployment/worker -n $ns --from=configmap/worker-config --keys=QUEUE_URL
kubectl rollout status deployment/worker -n $ns --timeout=90s

# rca
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo wrong-port > "$dir/shop-liveness"
echo wrong-path > "$dir/shop-readiness"
echo missing-env > "$dir/worker"
echo 3 > "$dir/worker-exit-code"
kubectl create configmap rca -n $ns --from-file="$dir"
