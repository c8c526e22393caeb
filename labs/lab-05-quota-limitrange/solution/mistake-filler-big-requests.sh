#!/usr/bin/env bash
# fails: quota-full/full
# Near miss: filler asks 500m CPU per Pod: the CPU quota stops it at three Pods (plain + 3 = 4), and a Pod with the default 100m still fits — the namespace is not full.
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
kubectl run plain --image=registry.k8s.io/pause:3.10 -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: filler
spec:
  replicas: 6
  selector:
    matchLabels:
      app: filler
  template:
    metadata:
      labels:
        app: filler
    spec:
      containers:
        - name: pause
          image: registry.k8s.io/pause:3.10
          resources:
            requests:
              cpu: 500m
YAML
