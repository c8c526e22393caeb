#!/usr/bin/env bash
# fails: priority-class/labelled
# Near miss: the class is not labelled wheelhouse.dev/lab=lab-21, so lab reset would leave it behind in the cluster.
set -euo pipefail
ns=lab-21

# (Not what a learner types: an owner reference to the lab's namespace lets the garbage collector
# remove this unlabelled class when the test's reset deletes the namespace. A learner's would stay.)
uid=$(kubectl get namespace $ns -o jsonpath='{.metadata.uid}')
kubectl apply -f - <<YAML
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: critical-priority
  ownerReferences:
    - apiVersion: v1
      kind: Namespace
      name: $ns
      uid: $uid
value: 1000000
globalDefault: false
YAML

kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: critical
spec:
  priorityClassName: critical-priority
  nodeSelector:
    kubernetes.io/hostname: wheelhouse-worker2
  containers:
    - name: app
      image: registry.k8s.io/pause:3.10
      resources:
        requests:
          cpu: 500m
          memory: 64Mi
YAML
