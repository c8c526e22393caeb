#!/usr/bin/env bash
# Alternative: resources by a strategic merge patch (requests and limits side by side, a memory
# request too); the HPA's metric as ContainerResource for the container web (the same as a Pod's CPU
# here: web is the Pod's only container), the scaleUp block spelled out with exactly its default
# values, as the documentation shows them.
set -euo pipefail
ns=lab-19

# cpu-request
kubectl patch deployment web -n $ns -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","resources":{"requests":{"cpu":"100m","memory":"32Mi"},"limits":{"cpu":"500m"}}}]}}}}'
kubectl rollout status deployment/web -n $ns --timeout=90s

# hpa-spec and scale-down-window
kubectl apply -n $ns -f - <<'YAML'
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  maxReplicas: 5
  minReplicas: 1
  metrics:
    - type: ContainerResource
      containerResource:
        name: cpu
        container: web
        target:
          type: Utilization
          averageUtilization: 50
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 60
    scaleUp:
      stabilizationWindowSeconds: 0
      selectPolicy: Max
      policies:
        - type: Percent
          value: 100
          periodSeconds: 15
        - type: Pods
          value: 4
          periodSeconds: 15
YAML

# scaled-out
for i in 1 2 3; do
  kubectl run load-$i -n $ns --image=busybox:1.36 --restart=Never -- /bin/sh -c 'while true; do wget -q -O- http://web.lab-19.svc.cluster.local >/dev/null; done'
done
