#!/usr/bin/env bash
# Alternative solution: `kubectl autoscale` (it writes an autoscaling/v2 HPA named after the
# Deployment), a merge patch for the scale-down window, and a single load Pod.
set -euo pipefail
ns=lab-19
kubectl set resources deployment/web -c web --limits=cpu=500m --requests=cpu=100m -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl autoscale deployment web --min=1 --max=5 --cpu=50% -n $ns
kubectl patch hpa web -n $ns --type=merge -p '{"spec":{"behavior":{"scaleDown":{"stabilizationWindowSeconds":60}}}}'
kubectl run load --image=busybox:1.36 -n $ns -- sh -c 'while true; do wget -q -O- http://web >/dev/null; done'
