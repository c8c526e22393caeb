#!/usr/bin/env bash
# Correct alternative: the resize policy added with a server-side apply of only the fields this
# task owns (the rest of web stays with its manager); the VPA created first, its bounds added by a
# later merge patch, memory bounds in bytes.
set -euo pipefail
ns=lab-25
# On simulated nodes (kwok) the API server refuses every resize: the resize is for real nodes.
simulated=$(kubectl get node wheelhouse-worker -o jsonpath='{.metadata.annotations.kwok\.x-k8s\.io/node}')

if [ "$simulated" != fake ]; then
  kubectl patch pod resizable -n $ns --subresource=resize --type=strategic \
    -p '{"spec":{"containers":[{"name":"app","resources":{"limits":{"cpu":"500m"},"requests":{"cpu":"500m"}}}]}}'
  kubectl wait pod/resizable -n $ns --for=jsonpath='{.status.containerStatuses[0].resources.limits.cpu}'=500m --timeout=120s
fi

kubectl apply --server-side --field-manager=resize-policy -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: lab-25
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          resizePolicy:
            - resourceName: memory
              restartPolicy: RestartContainer
            - resourceName: cpu
              restartPolicy: NotRequired
YAML
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
YAML
kubectl patch vpa web-vpa -n $ns --type=merge -p '{"spec":{"resourcePolicy":{"containerPolicies":[{"containerName":"web","minAllowed":{"cpu":"50m","memory":"67108864"},"maxAllowed":{"cpu":"1","memory":"536870912"}}]}}}'
