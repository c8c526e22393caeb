#!/usr/bin/env bash
# fails: quota-full/full
# Near miss: the Deployment before the quota. A quota only judges new requests: the seven Pods
# already there keep running, the quota shows 7 used of 5, and nothing was ever refused.
set -euo pipefail
ns=lab-05
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: LimitRange
metadata: { name: container-defaults }
spec:
  limits:
    - type: Container
      defaultRequest: { cpu: 100m, memory: 128Mi }
      default: { cpu: 500m, memory: 256Mi }
YAML
kubectl run plain --image=registry.k8s.io/pause:3.10 -n $ns
kubectl create deployment filler --image=registry.k8s.io/pause:3.10 --replicas=6 -n $ns
kubectl wait deployment/filler -n $ns --for=jsonpath='{.status.replicas}'=6 --timeout=60s
kubectl create quota team-quota --hard=pods=5,requests.cpu=2 -n $ns
