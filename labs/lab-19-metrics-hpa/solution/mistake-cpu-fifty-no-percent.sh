#!/usr/bin/env bash
# fails: hpa-spec/cpu-utilization
# Near miss: `kubectl autoscale --cpu=50` without % — kubectl reads it as an average value of 50m CPU, not 50% utilization.
set -euo pipefail
ns=lab-19

# cpu-request
kubectl set resources deployment web -n $ns -c web --requests=cpu=100m --limits=cpu=500m
kubectl rollout status deployment/web -n $ns --timeout=90s

# hpa-spec, 50 without the percent sign
kubectl autoscale deployment web -n $ns --min=1 --max=5 --cpu=50
# scale-down-window
kubectl patch hpa web -n $ns --type=merge -p '{"spec":{"behavior":{"scaleDown":{"stabilizationWindowSeconds":60}}}}'

# scaled-out
kubectl run load -n $ns --image=busybox:1.36 --restart=Never -- /bin/sh -c 'while true; do wget -q -O- http://web >/dev/null; done'
