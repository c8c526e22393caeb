#!/usr/bin/env bash
# Alternative: the toleration first (operator Exists, no effect: tolerates every gpu taint), then the
# node's label and taint in one merge patch; spread's term as matchExpressions (app In [spread]) and a
# Recreate strategy set by a strategic merge patch (rollingUpdate: null clears the old settings).
set -euo pipefail
ns=lab-16

# gpu-pod tolerates the taint before the node carries it
kubectl patch pod gpu-pod -n $ns --type=json -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"gpu","operator":"Exists"}}]'

# gpu-node: label and taint in one request (the workers have no taints of their own)
kubectl patch node wheelhouse-worker --type=merge -p '{"metadata":{"labels":{"gpu":"true"}},"spec":{"taints":[{"key":"gpu","value":"true","effect":"NoSchedule"}]}}'
kubectl wait pod/gpu-pod -n $ns --for=jsonpath='{.spec.nodeName}'=wheelhouse-worker --timeout=60s

# spread-scheduled
kubectl patch deployment spread -n $ns --type=strategic -p '
spec:
  strategy:
    type: Recreate
    rollingUpdate: null
  template:
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution: null
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 50
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchExpressions:
                    - key: app
                      operator: In
                      values: [spread]
'
kubectl rollout status deployment/spread -n $ns --timeout=120s
