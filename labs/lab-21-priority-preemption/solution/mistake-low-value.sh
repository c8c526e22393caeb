#!/usr/bin/env bash
# fails: priority-class/value
# Near miss: "critical" at 500 is below the batch class (1000). A Pod may preempt only Pods of
# lower priority, so critical waits in Pending for room that never comes.
set -euo pipefail
ns=lab-21
kubectl create priorityclass critical-priority --value=500
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
