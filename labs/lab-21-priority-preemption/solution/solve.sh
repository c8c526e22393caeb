#!/usr/bin/env bash
# Reference solution: look at the full node, create the class, then the Pod, and let the scheduler preempt.
set -euo pipefail
ns=lab-21

# Look first: four batch Pods at priority 1000 hold 3600m of worker2's 4 CPUs.
kubectl get priorityclasses
kubectl get pods -n $ns -o wide
kubectl describe node wheelhouse-worker2 | grep -A6 'Allocated resources'

# priority-class
kubectl create priorityclass critical-priority --value=1000000 \
  --description="Services that must run, even if batch work has to make room."
kubectl label priorityclass critical-priority wheelhouse.dev/lab=lab-21

# critical-pod
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

# critical-running, filler-preempted
kubectl wait pod/critical -n $ns --for=condition=Ready --timeout=90s
kubectl get pods -n $ns -o wide
kubectl get events -n $ns --field-selector reason=Preempted
