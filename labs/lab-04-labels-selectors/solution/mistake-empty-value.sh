#!/usr/bin/env bash
# fails: remove-label/removed
# Near miss: "temp=" keeps the label with an empty value instead of removing it.
set -euo pipefail
ns=lab-04
kubectl label pod api-2 env=staging --overwrite -n $ns
kubectl label pod cache-1 temp= --overwrite -n $ns
kubectl annotate pod web-1 owner=team-web -n $ns
kubectl create configmap answers -n $ns --from-literal=backendNotProd="api-2 cache-1"
