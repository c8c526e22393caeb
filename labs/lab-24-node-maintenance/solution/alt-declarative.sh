#!/usr/bin/env bash
# Alternative solution: apply the corrected budget (kubectl apply updates the object from setup
# and drops minAvailable, which the manifest no longer has), then cordon first and evict only the
# web Pods, as a careful operator might.
set -euo pipefail
ns=lab-24

kubectl apply -n $ns -f - <<'YAML'
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web-pdb
  labels:
    app: web
    wheelhouse.dev/lab: lab-24
spec:
  maxUnavailable: 1
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector:
    matchLabels:
      app: web
YAML

kubectl cordon wheelhouse-worker2
kubectl get nodes
kubectl drain wheelhouse-worker2 --pod-selector=app=web --delete-emptydir-data --timeout=120s
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl get pods -n $ns -o wide --field-selector spec.nodeName=wheelhouse-worker2
