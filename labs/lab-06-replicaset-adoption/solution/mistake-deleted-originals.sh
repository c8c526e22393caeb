#!/usr/bin/env bash
# fails: adopted
# Near miss: deleting the bare Pods "to start clean" — the ReplicaSet would have adopted them.
set -euo pipefail
ns=lab-06
kubectl delete pod cache-a cache-b -n $ns --wait=true
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: cache }
spec:
  replicas: 3
  selector: { matchLabels: { app: cache } }
  template:
    metadata: { labels: { app: cache } }
    spec:
      containers: [{ name: cache, image: registry.k8s.io/pause:3.10 }]
YAML
kubectl scale replicaset cache --replicas=2 -n $ns
