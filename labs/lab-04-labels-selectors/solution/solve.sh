#!/usr/bin/env bash
# Reference solution: label, unlabel, annotate, then ask the API server.
set -euo pipefail
ns=lab-04
kubectl get pods -n $ns --show-labels

# relabel
kubectl label pod api-2 env=staging --overwrite -n $ns
# remove-label
kubectl label pod cache-1 temp- -n $ns
# annotate
kubectl annotate pod web-1 owner=team-web -n $ns

# selector-answer: cache-1 has no env label, and "notin" selects it too
answer=$(kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o jsonpath='{.items[*].metadata.name}')
echo "$answer"
kubectl create configmap answers -n $ns --from-literal=backendNotProd="$answer"
