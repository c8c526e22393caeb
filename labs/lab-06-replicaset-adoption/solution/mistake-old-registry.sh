#!/usr/bin/env bash
# fails: rs-cache/template
# Near miss: the image copied from older docs, k8s.gcr.io/pause:3.10 — the task names registry.k8s.io/pause:3.10 (k8s.gcr.io is frozen).
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
          image: k8s.gcr.io/pause:3.10
YAML
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
pod=$(kubectl get pods -n $ns -o jsonpath='{range .items[?(@.metadata.ownerReferences[0].name=="cache")]}{.metadata.name}{"\n"}{end}' | grep -v -x -e cache-a -e cache-b | sed -n 1p)
kubectl delete pod -n $ns "$pod"
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
kubectl scale -n $ns rs/cache --replicas=2
