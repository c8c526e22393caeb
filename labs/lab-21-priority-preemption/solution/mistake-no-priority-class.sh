#!/usr/bin/env bash
# fails: critical-pod/class
# Near miss: the class exists, but the Pod does not name it. It gets priority 0, lower than the
# batch Pods, and stays Pending.
set -euo pipefail
ns=lab-21
kubectl create priorityclass critical-priority --value=1000000
kubectl label priorityclass critical-priority wheelhouse.dev/lab=lab-21
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata: { name: critical }
spec:
  nodeSelector: { kubernetes.io/hostname: wheelhouse-worker2 }
  containers:
    - name: app
      image: registry.k8s.io/pause:3.10
      resources: { requests: { cpu: 500m, memory: 64Mi } }
YAML
kubectl wait pod/critical -n $ns --for=jsonpath='{.status.conditions[?(@.type=="PodScheduled")].reason}'=Unschedulable --timeout=60s
