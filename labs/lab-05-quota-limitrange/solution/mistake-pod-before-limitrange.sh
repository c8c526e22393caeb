#!/usr/bin/env bash
# fails: defaults-applied/pod
# Near miss: the Pod before the LimitRange. With a CPU quota in place the API server refuses a Pod
# without CPU requests ("must specify requests.cpu"), so plain is never created.
set -euo pipefail
ns=lab-05
kubectl create quota team-quota --hard=pods=5,requests.cpu=2 -n $ns
kubectl wait resourcequota/team-quota -n $ns --for=jsonpath='{.status.hard.pods}'=5 --timeout=30s
kubectl run plain --image=registry.k8s.io/pause:3.10 -n $ns || echo "refused, as expected for this mistake"
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
kubectl create deployment filler --image=registry.k8s.io/pause:3.10 --replicas=6 -n $ns
