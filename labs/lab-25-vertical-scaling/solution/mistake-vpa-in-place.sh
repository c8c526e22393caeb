#!/usr/bin/env bash
# fails: vpa-off
# Near miss: after an in-place resize, InPlaceOrRecreate sounds harmless. But it applies the
# recommendations to running Pods (and evicts them when a resize is impossible): not "recommend only".
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
    updateMode: InPlaceOrRecreate
  resourcePolicy:
    containerPolicies:
      - containerName: web
        minAllowed: { cpu: 50m, memory: 64Mi }
        maxAllowed: { cpu: "1", memory: 512Mi }
YAML
