#!/usr/bin/env bash
# fails: metrics-api/serving
# Near miss: the APIService v1beta1.metrics.k8s.io was deleted ("to register it again") and nothing re-creates it, so kubectl top has no API to call.
# graded on real nodes (kind tier)
set -euo pipefail
ns=lab-19

# metrics-api: the learner deletes the registration (absent on simulated clusters, which have no metrics-server)
kubectl delete apiservice v1beta1.metrics.k8s.io --ignore-not-found

# cpu-request
kubectl set resources deployment web -n $ns -c web --requests=cpu=100m --limits=cpu=500m
kubectl rollout status deployment/web -n $ns --timeout=90s

# hpa-spec and scale-down-window
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

# scaled-out
kubectl run load -n $ns --image=busybox:1.36 --restart=Never -- /bin/sh -c 'while true; do wget -q -O- http://web >/dev/null; done'
