#!/usr/bin/env bash
# Correct alternative: CPU written as 0.5 in the resize; only the memory policy declared (a CPU
# change is NotRequired by default); the VPA's bounds for every container ("*"), in other units
# (1000m, 0.5Gi), with controlled values spelled out.
set -euo pipefail
ns=lab-25
# On simulated nodes (kwok) the API server refuses every resize: the resize is for real nodes.
simulated=$(kubectl get node wheelhouse-worker -o jsonpath='{.metadata.annotations.kwok\.x-k8s\.io/node}')

if [ "$simulated" != fake ]; then
  kubectl patch pod resizable -n $ns --subresource resize --type=json -p '[
    {"op": "replace", "path": "/spec/containers/0/resources/requests/cpu", "value": "0.5"},
    {"op": "replace", "path": "/spec/containers/0/resources/limits/cpu", "value": "0.5"}]'
  kubectl wait pod/resizable -n $ns --for=jsonpath='{.status.containerStatuses[0].resources.limits.cpu}'=500m --timeout=120s
fi

kubectl patch deployment web -n $ns -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","resizePolicy":[{"resourceName":"memory","restartPolicy":"RestartContainer"}]}]}}}}'
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
        controlledResources: ["cpu", "memory"]
        controlledValues: RequestsAndLimits
        minAllowed:
          cpu: "0.05"
          memory: 64Mi
        maxAllowed:
          cpu: 1000m
          memory: 0.5Gi
YAML
