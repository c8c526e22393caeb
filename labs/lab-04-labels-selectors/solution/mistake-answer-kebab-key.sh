#!/usr/bin/env bash
# fails: selector-answer/key
# Near miss: the key written backend-not-prod, not backendNotProd.
set -euo pipefail
ns=lab-04
kubectl label pod api-2 env=staging --overwrite -n $ns
kubectl label pod cache-1 temp- -n $ns
kubectl annotate pod web-1 owner=team-web -n $ns
names=$(kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o jsonpath='{.items[*].metadata.name}')
kubectl create configmap answers --from-literal=backend-not-prod="$names" -n $ns
