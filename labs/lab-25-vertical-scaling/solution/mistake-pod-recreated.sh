#!/usr/bin/env bash
# fails: resize-in-place/same-pod
# Near miss: resizable deleted and created again with 500m — a new Pod, not a resize.
# graded on real nodes (kind tier)
set -euo pipefail
ns=lab-25
# On simulated nodes (kwok) the API server refuses every resize: the resize is for real nodes.
simulated=$(kubectl get node wheelhouse-worker -o jsonpath='{.metadata.annotations.kwok\.x-k8s\.io/node}')

kubectl get pod resizable -n $ns -o json \
  | sed -e 's/"cpu": "250m"/"cpu": "500m"/g' \
  | kubectl replace --force -f -
kubectl patch deployment web -n $ns -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","resizePolicy":[{"resourceName":"cpu","restartPolicy":"NotRequired"},{"resourceName":"memory","restartPolicy":"RestartContainer"}]}]}}}}'
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl apply -f - <<'YAML'
apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: web-vpa
  namespace: lab-25
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  updatePolicy:
    updateMode: "Off"
  resourcePolicy:
    containerPolicies:
      - containerName: web
        minAllowed:
          cpu: 50m
          memory: 64Mi
        maxAllowed:
          cpu: "1"
          memory: 512Mi
YAML
