#!/usr/bin/env bash
# Correct alternative, declarative: the whole Deployment applied with each change, the image
# written as its full reference docker.io/library/nginx:1.27 (the same image as nginx:1.27), the
# change-cause in the manifest's metadata; the bad image applied the same way, then undone.
set -euo pipefail
ns=lab-07
observed() { kubectl wait deployment/web -n $ns --for=jsonpath='{.status.observedGeneration}'="$(kubectl get deployment web -n $ns -o jsonpath='{.metadata.generation}')" --timeout=60s; }
web() { # image, change-cause
  kubectl apply -n $ns -f - <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
    wheelhouse.dev/lab: lab-07
  annotations:
    kubernetes.io/change-cause: "$2"
spec:
  replicas: 5
  selector:
    matchLabels:
      app: web
  strategy:
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
kubectl scale deployment web -n $ns --replicas=5
kubectl rollout status deployment/web -n $ns --timeout=120s
web docker.io/library/nginx:1.27 "nginx 1.27 (full image reference)"
kubectl rollout status deployment/web -n $ns --timeout=120s
web docker.io/library/nginx:1.27-nope "a tag that does not exist"
observed # on real nodes the rollout stalls here
kubectl rollout undo deployment/web -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
