#!/usr/bin/env bash
# fails: relabel/env-staging
# Near miss: env=Staging — label values are case-sensitive, and a selector env=staging does not match it.
set -euo pipefail
ns=lab-04
kubectl label pod api-2 env=Staging --overwrite -n $ns
kubectl label pod cache-1 temp- -n $ns
kubectl annotate pod web-1 owner=team-web -n $ns
names=$(kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o jsonpath='{.items[*].metadata.name}')
kubectl create configmap answers --from-literal=backendNotProd="$names" -n $ns
