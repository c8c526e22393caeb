#!/usr/bin/env bash
# fails: healed/replaced
# Near miss: the label app was removed from a Pod (the docs' way to take a Pod out of a ReplicaSet) — the ReplicaSet replaced it, but no Pod was deleted: the task says delete one.
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
pod=$(kubectl get pods -n $ns -o jsonpath='{range .items[?(@.metadata.ownerReferences[0].name=="cache")]}{.metadata.name}{"\n"}{end}' | grep -v -x -e cache-a -e cache-b | sed -n 1p)
kubectl label pod -n $ns "$pod" app-
# The ReplicaSet releases the Pod and makes another (its status may still say 3 for a moment: count the Pods).
timeout 60 bash -c "until [ \$(kubectl get pods -n $ns -l app=cache -o name | wc -l) = 3 ]; do :; done"
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
kubectl scale -n $ns rs/cache --replicas=2
