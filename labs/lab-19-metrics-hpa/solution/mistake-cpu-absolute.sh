#!/usr/bin/env bash
# fails: hpa-spec
# Near miss: --cpu=100m instead of --cpu=50%. That is an AverageValue target (100 millicores per Pod),
# not a utilization of the request.
set -euo pipefail
ns=lab-19
kubectl set resources deployment web --requests=cpu=100m --limits=cpu=500m -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl autoscale deployment web --min=1 --max=5 --cpu=100m -n $ns
kubectl patch hpa web -n $ns --type=merge -p '{"spec":{"behavior":{"scaleDown":{"stabilizationWindowSeconds":60}}}}'
