#!/usr/bin/env bash
# fails: rs-cache
# Near miss: a selector of its own (app=cache-rs). The ReplicaSet ignores the bare Pods and makes
# three new ones, so five Pods run where three were wanted.
set -euo pipefail
ns=lab-06
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: cache }
spec:
  replicas: 3
  selector: { matchLabels: { app: cache-rs } }
  template:
    metadata: { labels: { app: cache-rs } }
    spec:
      containers: [{ name: cache, image: registry.k8s.io/pause:3.10 }]
YAML
