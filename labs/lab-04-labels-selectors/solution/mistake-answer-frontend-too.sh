#!/usr/bin/env bash
# fails: selector-answer/names
# Near miss: `-l 'env notin (prod)'` without tier=backend, so the frontend web-2 is in the answer.
set -euo pipefail
ns=lab-04
kubectl label pod api-2 env=staging --overwrite -n $ns
kubectl label pod cache-1 temp- -n $ns
kubectl annotate pod web-1 owner=team-web -n $ns
names=$(kubectl get pods -n $ns -l 'env notin (prod)' -o jsonpath='{.items[*].metadata.name}')
kubectl create configmap answers --from-literal=backendNotProd="$names" -n $ns
