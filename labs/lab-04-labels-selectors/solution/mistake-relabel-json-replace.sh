#!/usr/bin/env bash
# fails: relabel/other-labels
# Near miss: a JSON patch that replaces the whole label map with env=staging — the other labels of api-2 are gone.
set -euo pipefail
ns=lab-04
kubectl patch pod api-2 -n $ns --type=json -p '[{"op":"replace","path":"/metadata/labels","value":{"env":"staging"}}]'
kubectl label pod cache-1 temp- -n $ns
kubectl annotate pod web-1 owner=team-web -n $ns
names=$(kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o jsonpath='{.items[*].metadata.name}')
kubectl create configmap answers --from-literal=backendNotProd="$names" -n $ns
