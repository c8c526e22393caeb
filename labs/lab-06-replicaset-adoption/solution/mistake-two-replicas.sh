#!/usr/bin/env bash
# fails: rs-cache/replicas-three
# Near miss: replicas: 2 ("two Pods are there already") — the ReplicaSet never ran three, and the later scale to 2 removes nothing.
set -euo pipefail
ns=lab-06
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: cache
spec:
  replicas: 2
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
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=2 --timeout=60s
# The ReplicaSet created no Pod of its own: the learner deletes an original to see the healing.
kubectl delete pod -n $ns cache-b
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=2 --timeout=60s
kubectl scale -n $ns rs/cache --replicas=2
