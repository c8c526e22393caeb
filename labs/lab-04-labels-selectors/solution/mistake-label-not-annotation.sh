#!/usr/bin/env bash
# fails: annotate/annotation
# Near miss: the owner recorded as a label, not an annotation.
set -euo pipefail
ns=lab-04
kubectl label pod api-2 env=staging --overwrite -n $ns
kubectl label pod cache-1 temp- -n $ns
kubectl label pod web-1 owner=team-web -n $ns
kubectl create configmap answers -n $ns --from-literal=backendNotProd="api-2 cache-1"
