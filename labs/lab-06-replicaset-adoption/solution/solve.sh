#!/usr/bin/env bash
# Reference solution: a ReplicaSet whose selector matches the bare Pods, a deleted Pod, a scale-down.
set -euo pipefail
ns=lab-06
kubectl get pods -n $ns --show-labels
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: cache
spec:
  replicas: 3
  selector:
    matchLabels:
      app: cache
  template:
    metadata:
      labels:
        app: cache
    spec:
      containers:
        - name: cache
          image: registry.k8s.io/pause:3.10
YAML
kubectl wait rs/cache -n $ns --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
kubectl get pods -n $ns -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name

# self-healing: delete the Pod the ReplicaSet made; a new one takes its place
made=$(kubectl get pods -n $ns -l app=cache -o name | { grep -v -x -e pod/cache-a -e pod/cache-b || true; } | sed -n 1p)
kubectl delete -n $ns "$made" --wait=false
kubectl wait rs/cache -n $ns --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
kubectl get pods -n $ns

kubectl scale replicaset cache --replicas=2 -n $ns
