#!/usr/bin/env bash
# Correct alternative, declarative throughout: the manifest applied with replicas 3, and applied
# again with replicas 2 for the scale-down; the Pod deleted by a label selector on its name.
set -euo pipefail
ns=lab-06
manifest() {
  cat <<YAML
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: cache
  namespace: lab-06
spec:
  replicas: $1
  selector:
    matchLabels: { app: cache }
  template:
    metadata:
      labels: { app: cache }
    spec:
      containers:
        - { name: cache, image: "registry.k8s.io/pause:3.10" }
YAML
}
manifest 3 | kubectl apply -f -
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
pod=$(kubectl get pods -n $ns -l app=cache -o jsonpath='{range .items[*]}{.metadata.name}{"\n"}{end}' | grep -v -x -e cache-a -e cache-b | head -1)
kubectl delete pod -n $ns --field-selector "metadata.name=$pod"
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
manifest 2 | kubectl apply -f -
