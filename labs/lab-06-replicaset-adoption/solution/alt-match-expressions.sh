#!/usr/bin/env bash
# Correct alternative: a set-based selector (app In [cache]) and an extra template label; the Pod
# to heal is found by that label (only Pods the ReplicaSet made carry it); the scale is a merge patch of spec.replicas.
set -euo pipefail
ns=lab-06
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: cache
  labels:
    app: cache
spec:
  replicas: 3
  selector:
    matchExpressions:
      - key: app
        operator: In
        values: [cache]
  template:
    metadata:
      labels:
        app: cache
        tier: cache
    spec:
      containers:
        - name: pause
          image: registry.k8s.io/pause:3.10
YAML
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
pod=$(kubectl get pods -n $ns -l tier=cache -o jsonpath='{.items[0].metadata.name}')
kubectl delete pod -n $ns "$pod" --wait=false
kubectl wait -n $ns pod/"$pod" --for=delete --timeout=60s
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
kubectl patch rs cache -n $ns --type=merge -p '{"spec":{"replicas":2}}'
