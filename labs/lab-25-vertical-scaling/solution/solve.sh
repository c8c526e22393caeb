#!/usr/bin/env bash
# Reference solution: resize the running Pod through its resize subresource, give web a resize
# policy, and create a VPA in recommendation-only mode with bounds.
set -euo pipefail
ns=lab-25

kubectl get pod resizable -n $ns -o jsonpath='{.status.qosClass} {.spec.containers[0].resources}{"\n"}'

# resize-in-place: request and limit together, so the Pod stays Guaranteed. The API server accepts
# it only from a node whose kubelet reports container resources: the simulated nodes do not.
if kubectl patch pod resizable -n $ns --subresource resize --patch \
  '{"spec":{"containers":[{"name":"app","resources":{"requests":{"cpu":"500m"},"limits":{"cpu":"500m"}}}]}}'; then
  kubectl wait pod/resizable -n $ns --for=jsonpath='{.status.containerStatuses[0].resources.limits.cpu}'=500m --timeout=60s
  kubectl get pod resizable -n $ns -o jsonpath='{.spec.containers[0].resources.requests.cpu} {.status.containerStatuses[0].resources.requests.cpu} restarts={.status.containerStatuses[0].restartCount}{"\n"}'
else
  echo "resize refused: this cluster's nodes are simulated (use kind for this task)"
fi

# resize-policy: CPU in place, memory with a restart
kubectl patch deployment web -n $ns -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","resizePolicy":[
  {"resourceName":"cpu","restartPolicy":"NotRequired"},
  {"resourceName":"memory","restartPolicy":"RestartContainer"}]}]}}}}'
kubectl rollout status deployment/web -n $ns --timeout=120s

# vpa-off and vpa-bounds
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
      - containerName: web
        minAllowed:
          cpu: 50m
          memory: 64Mi
        maxAllowed:
          cpu: "1"
          memory: 512Mi
YAML

# vpa-recommends: on kind, a target appears after a few minutes
kubectl get vpa web-vpa -n $ns
