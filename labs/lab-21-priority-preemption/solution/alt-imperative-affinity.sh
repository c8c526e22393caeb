#!/usr/bin/env bash
# Correct alternative: the class made imperatively and labelled afterwards; the Pod pinned to the
# node by a required node affinity on the hostname label, its CPU written as a fraction of a core.
set -euo pipefail
ns=lab-21

kubectl create priorityclass critical-priority --value=1000000 --description="Work that must run, even if batch work has to make room."
kubectl label priorityclass critical-priority wheelhouse.dev/lab=lab-21

kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: critical
spec:
  priorityClassName: critical-priority
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - key: kubernetes.io/hostname
                operator: In
                values: [wheelhouse-worker2]
  containers:
    - name: app
      image: registry.k8s.io/pause:3.10
      resources:
        requests:
          cpu: "0.5"
          memory: 64Mi
YAML
kubectl wait pod/critical -n $ns --for=condition=Ready --timeout=60s
