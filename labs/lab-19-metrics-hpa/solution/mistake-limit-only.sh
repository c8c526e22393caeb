#!/usr/bin/env bash
# fails: cpu-request/request
# Near miss: only the limit is set. Kubernetes then sets the request equal to the limit (500m), so
# 50% utilization means 250m per Pod and the HPA scales out five times later than intended.
set -euo pipefail
ns=lab-19

# cpu-request, without the request
kubectl set resources deployment web --limits=cpu=500m -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s

# hpa-spec and scale-down-window
kubectl autoscale deployment web --min=1 --max=5 --cpu=50% -n $ns
kubectl patch hpa web -n $ns --type=merge -p '{"spec":{"behavior":{"scaleDown":{"stabilizationWindowSeconds":60}}}}'

# scaled-out
kubectl run load -n $ns --image=busybox:1.36 --restart=Never -- /bin/sh -c 'while true; do wget -q -O- http://web >/dev/null; done'
