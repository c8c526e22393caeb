#!/usr/bin/env bash
# fails: relabel/in-place
# Near miss: api-2 deleted and created again from an edited manifest — a new Pod, not the one changed in place.
set -euo pipefail
ns=lab-04
kubectl delete pod api-2 -n $ns --wait=true
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: api-2
  labels:
    wheelhouse.dev/lab: lab-04
    app: api
    env: staging
    tier: backend
spec:
  containers:
    - name: main
      image: registry.k8s.io/pause:3.10
YAML
kubectl label pod cache-1 temp- -n $ns
kubectl annotate pod web-1 owner=team-web -n $ns
names=$(kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o jsonpath='{.items[*].metadata.name}')
kubectl create configmap answers --from-literal=backendNotProd="$names" -n $ns
