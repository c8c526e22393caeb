#!/usr/bin/env bash
# Alternative solution: edit the manifests and apply them. The Pod's manifest gains a toleration
# (operator Exists): `kubectl apply` sends only that change, which a Pod accepts in place.
set -euo pipefail
ns=lab-16

kubectl label node wheelhouse-worker gpu=true
kubectl taint node wheelhouse-worker gpu=true:NoSchedule

kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: gpu-pod
  labels:
    app: trainer
    wheelhouse.dev/lab: lab-16
spec:
  nodeSelector:
    gpu: "true"
  tolerations:
    - key: gpu
      operator: Exists
      effect: NoSchedule
  containers:
    - name: trainer
      image: registry.k8s.io/pause:3.10
      resources:
        requests:
          cpu: 100m
          memory: 64Mi
YAML

# The old Pods' required anti-affinity would keep the new ones off their nodes: make room first.
kubectl scale deployment/spread -n $ns --replicas=0
kubectl wait pod -l app=spread -n $ns --for=delete --timeout=60s
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
            - weight: 50
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchExpressions:
                    - { key: app, operator: In, values: [spread] }
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests:
              cpu: 50m
              memory: 32Mi
YAML
kubectl rollout status deployment/spread -n $ns --timeout=120s
kubectl wait pod/gpu-pod -n $ns --for=condition=PodScheduled --timeout=60s
