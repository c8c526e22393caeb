#!/usr/bin/env bash
# An alternative: one quota per cap (pods, and requests.cpu), and a LimitRange that gives the default
# limits as max (a LimitRange defaults `default` to `max`), with min below the requests.
set -euo pipefail
ns=lab-05
kubectl create quota pod-count --hard=pods=5 -n $ns
kubectl create quota cpu-requests --hard=requests.cpu=2 -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: LimitRange
metadata:
  name: container-limits
spec:
  limits:
    - type: Container
      max:
        cpu: 500m
        memory: 256Mi
      min:
        cpu: 10m
        memory: 16Mi
      defaultRequest:
        cpu: 100m
        memory: 128Mi
YAML
kubectl wait resourcequota/pod-count resourcequota/cpu-requests -n $ns --for=jsonpath='{.status.hard}' --timeout=30s
kubectl run plain --image=registry.k8s.io/pause:3.10 --restart=Never -n $ns
kubectl create deployment filler --image=registry.k8s.io/pause:3.10 --replicas=6 -n $ns
