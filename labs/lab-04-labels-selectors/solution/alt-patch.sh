#!/usr/bin/env bash
# Alternative solution: merge patches for the labels and the annotation, a manifest for the answer.
set -euo pipefail
ns=lab-04
kubectl patch pod api-2 -n $ns --type=merge -p '{"metadata":{"labels":{"env":"staging"}}}'
kubectl patch pod cache-1 -n $ns --type=merge -p '{"metadata":{"labels":{"temp":null}}}'
kubectl patch pod web-1 -n $ns --type=merge -p '{"metadata":{"annotations":{"owner":"team-web"}}}'
kubectl get pods -n $ns -l 'tier=backend,env!=prod' -o name
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: answers
data:
  backendNotProd: api-2,cache-1
YAML
