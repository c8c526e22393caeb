#!/usr/bin/env bash
# fails: scaled-out/more-than-one
# Near miss: the load generator requests http://web:8080, where the Service does not listen — every request fails at once, so no CPU is used and web never scales.
# graded on real nodes (kind tier)
set -euo pipefail
ns=lab-19

# cpu-request
kubectl set resources deployment web -n $ns -c web --requests=cpu=100m --limits=cpu=500m
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

# scaled-out, at the wrong port
kubectl run load -n $ns --image=busybox:1.36 --restart=Never -- /bin/sh -c 'while true; do wget -q -T 1 -O- http://web:8080 >/dev/null; done'
