#!/usr/bin/env bash
# fails: vpa-off
# Near miss: the VPA points at a Pod — the one just resized by hand. A VPA follows a workload
# controller (Deployment, StatefulSet, ...); for a bare Pod the recommender has nothing to act on.
set -euo pipefail
ns=lab-25
kubectl apply -n $ns -f - <<'YAML'
apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: web-vpa
spec:
  targetRef:
    apiVersion: v1
    kind: Pod
    name: resizable
  updatePolicy:
    updateMode: "Off"
YAML
