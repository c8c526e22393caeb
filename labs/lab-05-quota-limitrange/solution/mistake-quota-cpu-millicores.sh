#!/usr/bin/env bash
# fails: quota/requests-cpu
# Near miss: requests.cpu=2000, meant as millicores — without the m it is 2000 CPUs.
set -euo pipefail
ns=lab-05
kubectl create quota team-quota --hard=pods=5,requests.cpu=2000 -n $ns
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
kubectl run plain --image=registry.k8s.io/pause:3.10 -n $ns
kubectl create deployment filler --image=registry.k8s.io/pause:3.10 --replicas=6 -n $ns
