#!/usr/bin/env bash
# fails: priority-class/may-preempt
# Near miss: preemptionPolicy Never. critical goes to the front of the queue but may not push
# anyone out, so it waits in Pending until a batch Pod leaves by itself.
set -euo pipefail
ns=lab-21
kubectl create priorityclass critical-priority --value=1000000 --preemption-policy=Never
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
kubectl wait pod/critical -n $ns --for=jsonpath='{.status.conditions[?(@.type=="PodScheduled")].reason}'=Unschedulable --timeout=60s
