#!/usr/bin/env bash
# fails: resize-policy/cpu-in-place
# Near miss: "restart to be safe" for both resources. Memory needs it here, but a CPU change would
# now restart a container that could have taken it in place.
set -euo pipefail
ns=lab-25
# On simulated nodes (kwok) the API server refuses every resize: the resize is for real nodes.
simulated=$(kubectl get node wheelhouse-worker -o jsonpath='{.metadata.annotations.kwok\.x-k8s\.io/node}')

if [ "$simulated" != fake ]; then
  kubectl patch pod resizable -n $ns --subresource resize -p '{"spec":{"containers":[{"name":"app","resources":{"requests":{"cpu":"500m"},"limits":{"cpu":"500m"}}}]}}'
  kubectl wait pod/resizable -n $ns --for=jsonpath='{.status.containerStatuses[0].resources.limits.cpu}'=500m --timeout=120s
fi
kubectl patch deployment web -n $ns -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","resizePolicy":[{"resourceName":"cpu","restartPolicy":"RestartContainer"},{"resourceName":"memory","restartPolicy":"RestartContainer"}]}]}}}}'
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
