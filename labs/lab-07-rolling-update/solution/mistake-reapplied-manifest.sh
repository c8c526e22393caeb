#!/usr/bin/env bash
# fails: web-scaled/replicas-five
# Near miss: the image changed by applying a copy of the starting manifest (replicas: 2) — the apply puts the scale back to two Pods.
set -euo pipefail
ns=lab-07
# Waits until the Deployment controller has seen the latest change (its new ReplicaSet exists).
observed() { kubectl wait deployment/web -n $ns --for=jsonpath='{.status.observedGeneration}'="$(kubectl get deployment web -n $ns -o jsonpath='{.metadata.generation}')" --timeout=60s; }
# web-scaled
kubectl scale deployment web --replicas=5 -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
# rollout-strategy
kubectl patch deployment web -n $ns -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'
# image-updated
# image-updated, done declaratively: the learner's copy of the starting manifest, edited for the
# new image, the strategy and the change-cause, but still saying replicas: 2.
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
    wheelhouse.dev/lab: lab-07
  annotations:
    kubernetes.io/change-cause: nginx 1.27, the new stable release
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app: web
        wheelhouse.dev/lab: lab-07
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 80
          readinessProbe:
            httpGet:
              path: /
              port: http
YAML
kubectl rollout status deployment/web -n $ns --timeout=120s
# rolled-back
kubectl set image deployment/web web=nginx:1.27-nope -n $ns
kubectl annotate deployment web -n $ns --overwrite kubernetes.io/change-cause="try nginx:1.27-nope"
observed # on real nodes the rollout stalls here: the image cannot be pulled
kubectl rollout undo deployment/web -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
