#!/usr/bin/env bash
# Reference solution. On the simulated cluster there is no metrics-server: `kubectl top` says the
# metrics API is not available, and the HPA never gets a number. Everything else works the same.
set -euo pipefail
ns=lab-19

# metrics-api
kubectl get apiservice v1beta1.metrics.k8s.io || true
kubectl top nodes || true

# cpu-request
kubectl set resources deployment web --requests=cpu=100m --limits=cpu=500m -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s

# hpa-spec and scale-down-window, as autoscaling/v2 YAML
kubectl apply -n $ns -f - <<'YAML'
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 5
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 50
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 60
YAML

# scaled-out: three busy loops against the Service
kubectl create deployment load --image=busybox:1.36 --replicas=3 -n $ns -- \
  sh -c 'while true; do wget -q -O- http://web >/dev/null; done'
kubectl get hpa web -n $ns
