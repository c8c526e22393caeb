#!/usr/bin/env bash
# fails: filler-preempted/filler-untouched
# Near miss: room is made by hand. With filler scaled to three, critical fits without preempting
# anything, and the batch team has lost a replica for good.
set -euo pipefail
ns=lab-21
kubectl scale deployment filler -n $ns --replicas=3
kubectl rollout status deployment/filler -n $ns --timeout=60s
kubectl create priorityclass critical-priority --value=1000000
kubectl label priorityclass critical-priority wheelhouse.dev/lab=lab-21
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata: { name: critical }
spec:
  priorityClassName: critical-priority
  nodeSelector: { kubernetes.io/hostname: wheelhouse-worker2 }
  containers:
    - name: app
      image: registry.k8s.io/pause:3.10
      resources: { requests: { cpu: 500m, memory: 64Mi } }
YAML
kubectl wait pod/critical -n $ns --for=condition=Ready --timeout=90s
