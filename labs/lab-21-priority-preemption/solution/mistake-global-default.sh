#!/usr/bin/env bash
# fails: priority-class/not-default
# Near miss: the class is made the global default. critical still preempts, but from now on every
# new Pod without a class, in every namespace, gets priority 1000000 and may preempt too.
set -euo pipefail
ns=lab-21
kubectl create priorityclass critical-priority --value=1000000 --global-default
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
