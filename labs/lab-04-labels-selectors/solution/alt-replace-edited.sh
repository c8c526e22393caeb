#!/usr/bin/env bash
# An alternative: api-2 and cache-1 edited as YAML and written back with `kubectl replace` (an update
# of the same object, not a delete and create); the annotation with --overwrite; the answer from an
# env file.
set -euo pipefail
ns=lab-04
# The Pods settle first (a status update between the get and the replace is a Conflict).
kubectl wait pod --all --for=condition=Ready -n $ns --timeout=60s
kubectl get pod api-2 -n $ns -o yaml | sed 's/^    env: dev$/    env: staging/' | kubectl replace -f -
kubectl get pod cache-1 -n $ns -o yaml | sed '/^    temp: "true"$/d' | kubectl replace -f -
kubectl annotate pod web-1 -n $ns owner=team-web --overwrite
env=$(mktemp)
trap 'rm -f "$env"' EXIT
echo "backendNotProd=$(kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o jsonpath='{.items[*].metadata.name}')" >"$env"
kubectl create configmap answers -n $ns --from-env-file="$env"
