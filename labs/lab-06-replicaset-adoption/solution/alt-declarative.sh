#!/usr/bin/env bash
# Alternative solution: apply the ReplicaSet (a set-based selector that means the same), delete one
# of the adopted Pods this time, then apply it again with 2 replicas.
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
    matchExpressions:
      - { key: app, operator: In, values: [cache] }
    matchLabels: { app: cache }
  template:
    metadata:
      labels: { app: cache }
    spec:
      containers:
        - name: pause
          image: registry.k8s.io/pause:3.10
YAML
}
rs 3
kubectl wait rs/cache -n $ns --for=jsonpath='{.status.replicas}'=3 --timeout=60s
# heal: delete the Pod the ReplicaSet made itself (found by its generated name), not an original:
# scaling down to 2 later may remove any Pod, and at least one original must stay adopted
made=$(kubectl get pods -n $ns -l app=cache -o jsonpath='{range .items[?(@.metadata.generateName=="cache-")]}{.metadata.name}{"\n"}{end}' | sed -n 1p)
kubectl delete pod "$made" -n $ns
kubectl wait rs/cache -n $ns --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
rs 2
