#!/usr/bin/env bash
# Alternative solution: JSON patches (the resize as two replace operations, the resize policy added
# to the template), and a VPA whose policy covers every container ("*") with the bounds written
# in other units.
set -euo pipefail
ns=lab-25

kubectl patch pod resizable -n $ns --subresource resize --type=json -p '[
  {"op":"replace","path":"/spec/containers/0/resources/requests/cpu","value":"500m"},
  {"op":"replace","path":"/spec/containers/0/resources/limits/cpu","value":"0.5"}]' \
  || echo "resize refused (simulated nodes): run this on kind"

kubectl patch deployment web -n $ns --type=json -p '[
  {"op":"add","path":"/spec/template/spec/containers/0/resizePolicy","value":[
    {"resourceName":"memory","restartPolicy":"RestartContainer"}]}]'
kubectl rollout status deployment/web -n $ns --timeout=120s

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
      - containerName: "*"
        controlledResources: [cpu, memory]
        minAllowed:
          cpu: "0.05"
          memory: 67108864
        maxAllowed:
          cpu: 1000m
          memory: 0.5Gi
YAML
kubectl describe vpa web-vpa -n $ns
