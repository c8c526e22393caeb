#!/usr/bin/env bash
# fails: cpu-request
# Near miss: only the limit is set. Kubernetes then sets the request equal to the limit (500m), so
# 50% utilization means 250m per Pod and the HPA scales out five times later than intended.
set -euo pipefail
ns=lab-19
kubectl set resources deployment web --limits=cpu=500m -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl autoscale deployment web --min=1 --max=5 --cpu=50% -n $ns
kubectl patch hpa web -n $ns --type=merge -p '{"spec":{"behavior":{"scaleDown":{"stabilizationWindowSeconds":60}}}}'
