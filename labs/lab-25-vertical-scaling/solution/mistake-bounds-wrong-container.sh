#!/usr/bin/env bash
# fails: vpa-bounds
# Near miss: the bounds name the container app — the one of the Pod resizable. web's container
# is called web, so its recommendations stay unbounded.
set -euo pipefail
ns=lab-25
kubectl apply -n $ns -f - <<'YAML'
apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: web-vpa
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  updatePolicy:
    updateMode: "Off"
  resourcePolicy:
    containerPolicies:
      - containerName: app
        minAllowed: { cpu: 50m, memory: 64Mi }
        maxAllowed: { cpu: "1", memory: 512Mi }
YAML
