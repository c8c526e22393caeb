#!/usr/bin/env bash
# fails: cpu-request/rollout
# Near miss: the rollout was paused before the change and never resumed — the Deployment has the request, its Pods do not.
set -euo pipefail
ns=lab-19

# cpu-request, with the rollout paused
kubectl rollout pause deployment/web -n $ns
kubectl set resources deployment web -n $ns -c web --requests=cpu=100m --limits=cpu=500m

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

# scaled-out
kubectl run load -n $ns --image=busybox:1.36 --restart=Never -- /bin/sh -c 'while true; do wget -q -O- http://web >/dev/null; done'
