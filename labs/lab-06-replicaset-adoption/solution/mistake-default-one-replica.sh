#!/usr/bin/env bash
# fails: adopted/one-created
# Near miss: the manifest had no replicas (default 1), so the ReplicaSet deleted one of the bare Pods to take over; scaling to 3 afterwards made two new Pods instead of one.
set -euo pipefail
ns=lab-06
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: cache
spec:
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
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.replicas}'=1 --timeout=60s
kubectl scale -n $ns rs/cache --replicas=3
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
pod=$(kubectl get pods -n $ns -o jsonpath='{range .items[?(@.metadata.ownerReferences[0].name=="cache")]}{.metadata.name}{"\n"}{end}' | grep -v -x -e cache-a -e cache-b | sed -n 1p)
kubectl delete pod -n $ns "$pod"
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
kubectl scale -n $ns rs/cache --replicas=2
