#!/usr/bin/env bash
# fails: selector-answer/names
# Near miss: the names as `-o name` prints them, pod/api-2 pod/cache-1.
set -euo pipefail
ns=lab-04
kubectl label pod api-2 env=staging --overwrite -n $ns
kubectl label pod cache-1 temp- -n $ns
kubectl annotate pod web-1 owner=team-web -n $ns
names=$(kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o name | paste -sd' ' -)
kubectl create configmap answers --from-literal=backendNotProd="$names" -n $ns
