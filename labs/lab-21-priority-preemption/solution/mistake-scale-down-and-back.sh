#!/usr/bin/env bash
# fails: filler-preempted/preempted
# Near miss: filler scaled to 3 to make room, critical created, filler scaled back to 4 — the end state looks right, but nothing was preempted.
set -euo pipefail
ns=lab-21

kubectl apply -f - <<'YAML'
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: critical-priority
  labels:
    wheelhouse.dev/lab: lab-21
value: 1000000
globalDefault: false
description: Work that must run, even if batch work has to make room.
YAML
kubectl scale deployment filler -n $ns --replicas=3
kubectl wait deployment/filler -n $ns --for=jsonpath='{.status.replicas}'=3 --timeout=60s
# the scaled-down Pod must be gone, not just terminating, before critical looks for room
for p in $(kubectl get pods -n $ns -l app=filler -o jsonpath='{range .items[?(@.metadata.deletionTimestamp)]}{.metadata.name}{" "}{end}'); do
  kubectl wait pod/$p -n $ns --for=delete --timeout=60s
done
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
kubectl wait pod/critical -n $ns --for=condition=PodScheduled --timeout=60s
kubectl scale deployment filler -n $ns --replicas=4
