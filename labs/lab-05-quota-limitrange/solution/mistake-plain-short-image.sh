#!/usr/bin/env bash
# fails: defaults-applied/pod
# Near miss: plain from pause:3.10 without the registry — that is docker.io/library/pause:3.10, not registry.k8s.io/pause:3.10.
set -euo pipefail
ns=lab-05
kubectl create quota team-quota --hard=pods=5,requests.cpu=2 -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: LimitRange
metadata:
  name: container-defaults
spec:
  limits:
    - type: Container
      defaultRequest:
        cpu: 100m
        memory: 128Mi
      default:
        cpu: 500m
        memory: 256Mi
YAML
# The quota admits Pods once its controller has counted what the namespace uses.
kubectl wait resourcequota/team-quota -n $ns --for=jsonpath='{.status.hard.pods}'=5 --timeout=30s
kubectl run plain --image=pause:3.10 -n $ns
kubectl create deployment filler --image=registry.k8s.io/pause:3.10 --replicas=6 -n $ns
