#!/usr/bin/env bash
# fails: scale-down-window/scale-up-unchanged
# Near miss: a scaleUp block "with the defaults" written from memory — only the 100% per 15 s policy, without the 4 Pods per 15 s one, so scaling up changed.
set -euo pipefail
ns=lab-19

# cpu-request
kubectl set resources deployment web -n $ns -c web --requests=cpu=100m --limits=cpu=500m
kubectl rollout status deployment/web -n $ns --timeout=90s

# hpa-spec and scale-down-window, plus a scaleUp block that is not the default
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
  minReplicas: 1
  maxReplicas: 5
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 50
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 60
    scaleUp:
      stabilizationWindowSeconds: 0
      policies:
        - type: Percent
          value: 100
          periodSeconds: 15
YAML

# scaled-out
kubectl run load -n $ns --image=busybox:1.36 --restart=Never -- /bin/sh -c 'while true; do wget -q -O- http://web >/dev/null; done'
