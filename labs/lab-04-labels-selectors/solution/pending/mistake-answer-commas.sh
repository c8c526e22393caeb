#!/usr/bin/env bash
# fails: selector-answer/separator
# Near miss: the names joined with commas — the task asks for spaces.
set -euo pipefail
ns=lab-04
kubectl label pod api-2 env=staging --overwrite -n $ns
kubectl label pod cache-1 temp- -n $ns
kubectl annotate pod web-1 owner=team-web -n $ns
names=$(kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o name | sed 's#^pod/##' | paste -sd, -)
kubectl create configmap answers --from-literal=backendNotProd="$names" -n $ns
