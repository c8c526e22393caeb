#!/usr/bin/env bash
# fails: remove-label/removed
# Near miss: `kubectl annotate pod cache-1 temp-` removes an annotation (there is none); the label temp stays.
set -euo pipefail
ns=lab-04
kubectl label pod api-2 env=staging --overwrite -n $ns
kubectl annotate pod cache-1 temp- -n $ns
kubectl annotate pod web-1 owner=team-web -n $ns
names=$(kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o jsonpath='{.items[*].metadata.name}')
kubectl create configmap answers --from-literal=backendNotProd="$names" -n $ns
