#!/usr/bin/env bash
# fails: healed/replaced
# Near miss: the ReplicaSet adopts and scales, but no Pod was ever deleted — the scale-down removed
# one, and removing Pods is not the same as seeing the ReplicaSet replace one.
set -euo pipefail
ns=lab-06
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
kubectl wait rs/cache -n $ns --for=jsonpath='{.status.replicas}'=3 --timeout=60s
kubectl scale replicaset cache --replicas=2 -n $ns
