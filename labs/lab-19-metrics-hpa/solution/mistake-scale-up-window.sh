#!/usr/bin/env bash
# fails: scale-down-window
# Near miss: the 60-second window lands on scaleUp. Scaling out now waits a minute, and scaling
# in still waits the default five.
set -euo pipefail
ns=lab-19
kubectl set resources deployment web --requests=cpu=100m --limits=cpu=500m -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl autoscale deployment web --min=1 --max=5 --cpu=50% -n $ns
kubectl patch hpa web -n $ns --type=merge -p '{"spec":{"behavior":{"scaleUp":{"stabilizationWindowSeconds":60}}}}'
