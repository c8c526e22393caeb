#!/usr/bin/env bash
# Reference solution: quota, LimitRange, a Pod that gets the defaults, then a Deployment too big.
set -euo pipefail
ns=lab-05

# quota
kubectl create quota team-quota --hard=pods=5,requests.cpu=2 -n $ns

# limitrange
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

# defaults-applied (the quota admits Pods once its controller has counted the namespace's use)
kubectl wait resourcequota/team-quota -n $ns --for=jsonpath='{.status.hard.pods}'=5 --timeout=30s
kubectl run plain --image=registry.k8s.io/pause:3.10 -n $ns
kubectl get pod plain -n $ns -o jsonpath='{.spec.containers[0].resources}'; echo

# quota-full: 1 Pod + 6 wanted > 5 allowed
kubectl create deployment filler --image=registry.k8s.io/pause:3.10 --replicas=6 -n $ns
kubectl wait resourcequota/team-quota -n $ns --for=jsonpath='{.status.used.pods}'=5 --timeout=60s
kubectl describe quota team-quota -n $ns
kubectl get deployment filler -n $ns -o jsonpath='{.status.conditions[?(@.type=="ReplicaFailure")].message}'; echo
