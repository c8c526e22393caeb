#!/usr/bin/env bash
# fails: hpa-spec/name
# Near miss: the HorizontalPodAutoscaler is named web-hpa, as in many examples — the task names it web.
set -euo pipefail
ns=lab-19

# cpu-request
kubectl set resources deployment web -n $ns -c web --requests=cpu=100m --limits=cpu=500m
kubectl rollout status deployment/web -n $ns --timeout=90s

# hpa-spec and scale-down-window, under another name
kubectl apply -n $ns -f - <<'YAML'
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web-hpa
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
YAML

# scaled-out
kubectl run load -n $ns --image=busybox:1.36 --restart=Never -- /bin/sh -c 'while true; do wget -q -O- http://web >/dev/null; done'
