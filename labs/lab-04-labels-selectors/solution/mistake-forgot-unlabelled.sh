#!/usr/bin/env bash
# fails: selector-answer/names
# Near miss: only the Pods whose env label exists — forgetting that cache-1, with no env label, is
# not in production either (and that "notin" selects it).
set -euo pipefail
ns=lab-04
kubectl label pod api-2 env=staging --overwrite -n $ns
kubectl label pod cache-1 temp- -n $ns
kubectl annotate pod web-1 owner=team-web -n $ns
kubectl create configmap answers -n $ns --from-literal=backendNotProd="api-2"
