#!/usr/bin/env bash
# fails: remove-label/in-place
# Near miss: cache-1 deleted and created again without temp — a new Pod, not the label removed from it.
set -euo pipefail
ns=lab-04
kubectl label pod api-2 env=staging --overwrite -n $ns
kubectl delete pod cache-1 -n $ns --wait=true
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: cache-1
  labels:
    wheelhouse.dev/lab: lab-04
    app: cache
    tier: backend
spec:
  containers:
    - name: main
      image: registry.k8s.io/pause:3.10
YAML
kubectl annotate pod web-1 owner=team-web -n $ns
names=$(kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o jsonpath='{.items[*].metadata.name}')
kubectl create configmap answers --from-literal=backendNotProd="$names" -n $ns
