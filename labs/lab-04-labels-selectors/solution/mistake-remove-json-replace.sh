#!/usr/bin/env bash
# fails: remove-label/other-labels
# Near miss: the label map of cache-1 rewritten by hand without temp, and without wheelhouse.dev/lab too.
set -euo pipefail
ns=lab-04
kubectl label pod api-2 env=staging --overwrite -n $ns
kubectl patch pod cache-1 -n $ns --type=json -p '[{"op":"replace","path":"/metadata/labels","value":{"app":"cache","tier":"backend"}}]'
kubectl annotate pod web-1 owner=team-web -n $ns
names=$(kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o jsonpath='{.items[*].metadata.name}')
kubectl create configmap answers --from-literal=backendNotProd="$names" -n $ns
