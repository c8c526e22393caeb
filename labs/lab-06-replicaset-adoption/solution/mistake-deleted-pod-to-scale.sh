#!/usr/bin/env bash
# fails: scaled/replicas-two
# Near miss: one more Pod deleted to get down to two — the ReplicaSet still wants 3 and makes a new one; spec.replicas was never changed.
set -euo pipefail
ns=lab-06
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
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
created() { kubectl get pods -n $ns -o jsonpath='{range .items[?(@.metadata.ownerReferences[0].name=="cache")]}{.metadata.name}{"\n"}{end}' | grep -v -x -e cache-a -e cache-b | sed -n 1p; }
kubectl delete pod -n $ns "$(created)"
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
# "scale down": delete another Pod the ReplicaSet made
kubectl delete pod -n $ns "$(created)"
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
