#!/usr/bin/env bash
# An alternative: filler created with one replica and then scaled to 6 with `kubectl scale`.
set -euo pipefail
ns=lab-05
kubectl create resourcequota limits -n $ns --hard=requests.cpu=2,pods=5
kubectl create -n $ns -f - <<'YAML'
apiVersion: v1
kind: LimitRange
metadata:
  name: limits
spec:
  limits:
    - type: Container
      default: {cpu: 500m, memory: 256Mi}
      defaultRequest: {cpu: 100m, memory: 128Mi}
YAML
kubectl wait resourcequota/limits -n $ns --for=jsonpath='{.status.hard.requests\.cpu}'=2 --timeout=30s
kubectl run plain --image=registry.k8s.io/pause:3.10 -n $ns
kubectl create deployment filler --image=registry.k8s.io/pause:3.10 -n $ns
kubectl scale deployment filler --replicas=6 -n $ns
