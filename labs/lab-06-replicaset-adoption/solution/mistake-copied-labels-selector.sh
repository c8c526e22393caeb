#!/usr/bin/env bash
# fails: rs-cache/selector
# Near miss: every label of cache-a copied into the selector (app=cache and wheelhouse.dev/lab=lab-06) — the selector must be app=cache alone, or a Pod labelled only app=cache is never adopted.
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
      wheelhouse.dev/lab: lab-06
  template:
    metadata:
      labels:
        app: cache
        wheelhouse.dev/lab: lab-06
    spec:
      containers:
        - name: cache
          image: registry.k8s.io/pause:3.10
YAML
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
pod=$(kubectl get pods -n $ns -o jsonpath='{range .items[?(@.metadata.ownerReferences[0].name=="cache")]}{.metadata.name}{"\n"}{end}' | grep -v -x -e cache-a -e cache-b | sed -n 1p)
kubectl delete pod -n $ns "$pod"
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
kubectl scale -n $ns rs/cache --replicas=2
