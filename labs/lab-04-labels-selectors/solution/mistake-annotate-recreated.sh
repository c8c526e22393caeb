#!/usr/bin/env bash
# fails: annotate/in-place
# Near miss: web-1 replaced by a new Pod (delete, then create from a manifest with the annotation).
set -euo pipefail
ns=lab-04
kubectl label pod api-2 env=staging --overwrite -n $ns
kubectl label pod cache-1 temp- -n $ns
kubectl delete pod web-1 -n $ns --wait=true
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: web-1
  labels:
    wheelhouse.dev/lab: lab-04
    app: web
    env: prod
    tier: frontend
  annotations:
    owner: team-web
spec:
  containers:
    - name: main
      image: registry.k8s.io/pause:3.10
YAML
names=$(kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o jsonpath='{.items[*].metadata.name}')
kubectl create configmap answers --from-literal=backendNotProd="$names" -n $ns
