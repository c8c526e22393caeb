#!/usr/bin/env bash
# fails: defaults-applied/defaults
# Near miss: plain made first, before the quota and the LimitRange: nothing refuses it, and nothing
# fills in defaults — a LimitRange only acts on Pods created after it.
set -euo pipefail
ns=lab-05
kubectl run plain --image=registry.k8s.io/pause:3.10 -n $ns
kubectl create quota team-quota --hard=pods=5,requests.cpu=2 -n $ns
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
kubectl wait resourcequota/team-quota -n $ns --for=jsonpath='{.status.used.pods}'=1 --timeout=30s
kubectl create deployment filler --image=registry.k8s.io/pause:3.10 --replicas=6 -n $ns
