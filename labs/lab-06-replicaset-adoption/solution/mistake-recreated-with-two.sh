#!/usr/bin/env bash
# fails: scaled/in-place
# Near miss: "scaled" by deleting the ReplicaSet with --cascade=orphan and creating it again with replicas: 2 — the Pods survive, but it is a new ReplicaSet, not cache scaled.
set -euo pipefail
ns=lab-06
rs() {
  kubectl apply -n $ns -f - <<YAML
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: cache
spec:
  replicas: $1
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
}
rs 3
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
pod=$(kubectl get pods -n $ns -o jsonpath='{range .items[?(@.metadata.ownerReferences[0].name=="cache")]}{.metadata.name}{"\n"}{end}' | grep -v -x -e cache-a -e cache-b | sed -n 1p)
kubectl delete pod -n $ns "$pod"
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
kubectl delete rs cache -n $ns --cascade=orphan --wait=true
kubectl wait rs/cache -n $ns --for=delete --timeout=60s
rs 2
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.replicas}'=2 --timeout=60s
