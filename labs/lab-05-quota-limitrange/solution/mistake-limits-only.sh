#!/usr/bin/env bash
# fails: limitrange/requests
# Near miss: only default limits. Kubernetes then uses the limits as the requests too, so every
# container asks for 500m CPU — five times what was meant.
set -euo pipefail
ns=lab-05
kubectl create quota team-quota --hard=pods=5,requests.cpu=2 -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: LimitRange
metadata: { name: container-defaults }
spec:
  limits:
    - type: Container
      default: { cpu: 500m, memory: 256Mi }
YAML
kubectl wait resourcequota/team-quota -n $ns --for=jsonpath='{.status.hard.pods}'=5 --timeout=30s
kubectl run plain --image=registry.k8s.io/pause:3.10 -n $ns
kubectl create deployment filler --image=registry.k8s.io/pause:3.10 --replicas=6 -n $ns
