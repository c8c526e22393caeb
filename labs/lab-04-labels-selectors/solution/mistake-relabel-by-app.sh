#!/usr/bin/env bash
# fails: relabel/other-pods
# Near miss: relabelled with a selector, `-l app=api`, which also moves api-1 out of prod.
set -euo pipefail
ns=lab-04
kubectl label pods -l app=api env=staging --overwrite -n $ns
kubectl label pod cache-1 temp- -n $ns
kubectl annotate pod web-1 owner=team-web -n $ns
names=$(kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o jsonpath='{.items[*].metadata.name}')
kubectl create configmap answers --from-literal=backendNotProd="$names" -n $ns
