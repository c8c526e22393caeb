#!/usr/bin/env bash
# fails: spread-scheduled/same-deployment
# Near miss: spread is deleted and created again from a fixed manifest — the task fixes the Deployment you were given, in place.
set -euo pipefail
ns=lab-16

# gpu-node and gpu-pod
kubectl taint node wheelhouse-worker gpu=true:NoSchedule
kubectl patch pod gpu-pod -n $ns --type=json -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"gpu","operator":"Equal","value":"true","effect":"NoSchedule"}}]'
kubectl label node wheelhouse-worker gpu=true
kubectl wait pod/gpu-pod -n $ns --for=jsonpath='{.spec.nodeName}'=wheelhouse-worker --timeout=60s

# spread-scheduled, deleted and re-created
kubectl delete deployment spread -n $ns --wait=true --timeout=60s
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: spread
  labels:
    app: spread
    wheelhouse.dev/lab: lab-16
spec:
  replicas: 3
  selector:
    matchLabels:
      app: spread
  template:
    metadata:
      labels:
        app: spread
        wheelhouse.dev/lab: lab-16
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    app: spread
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests:
              cpu: 50m
              memory: 32Mi
YAML
kubectl rollout status deployment/spread -n $ns --timeout=90s
