#!/usr/bin/env bash
# Alternative: CPU in cores (0.1 and 0.5 are 100m and 500m); the HPA written as autoscaling/v1
# (targetCPUUtilizationPercentage, minReplicas left to its default of 1) and the scale-down window
# added afterwards with a patch, which goes through autoscaling/v2; the load from a Deployment of
# three busybox loops.
set -euo pipefail
ns=lab-19

# cpu-request
kubectl set resources deployment web -n $ns -c web --requests=cpu=0.1 --limits=cpu=0.5
kubectl rollout status deployment/web -n $ns --timeout=90s

# hpa-spec
kubectl apply -n $ns -f - <<'YAML'
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  maxReplicas: 5
  targetCPUUtilizationPercentage: 50
YAML

# scale-down-window
kubectl patch hpa web -n $ns --type=merge -p '{"spec":{"behavior":{"scaleDown":{"stabilizationWindowSeconds":60}}}}'

# scaled-out
kubectl create deployment load -n $ns --image=busybox:1.36 --replicas=3 -- /bin/sh -c 'while true; do wget -q -O- http://web >/dev/null; done'
