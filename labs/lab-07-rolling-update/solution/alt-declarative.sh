#!/usr/bin/env bash
# Alternative solution: edit the manifest and apply it, the declarative way. Rolling back to the
# good image by applying it again reuses the nginx:1.27 ReplicaSet under a new revision, as undo does.
set -euo pipefail
ns=lab-07

manifest() { # $1 = image, $2 = change-cause
  cat <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: $ns
  labels:
    app: web
    wheelhouse.dev/lab: lab-07
  annotations:
    kubernetes.io/change-cause: "$2"
spec:
  replicas: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        wheelhouse.dev/lab: lab-07
    spec:
      containers:
        - name: web
          image: $1
          ports:
            - name: http
              containerPort: 80
          readinessProbe:
            httpGet:
              path: /
              port: http
YAML
}

manifest nginx:1.27 "update to nginx 1.27" | kubectl apply -f -
kubectl rollout status deployment/web -n $ns --timeout=120s
manifest nginx:1.27-nope "try nginx 1.27-nope" | kubectl apply -f -
kubectl rollout status deployment/web -n $ns --timeout=10s || true
manifest nginx:1.27 "back to nginx 1.27" | kubectl apply -f -
kubectl rollout status deployment/web -n $ns --timeout=120s
