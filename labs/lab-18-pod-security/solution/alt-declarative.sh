#!/usr/bin/env bash
# Alternative solution: the whole Deployment re-applied from an edited manifest, with every setting
# at the container level (nothing in the Pod's securityContext).
set -euo pipefail
ns=lab-18
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: legacy
  labels:
    app: legacy
    wheelhouse.dev/lab: lab-18
spec:
  replicas: 2
  selector:
    matchLabels:
      app: legacy
  template:
    metadata:
      labels:
        app: legacy
        wheelhouse.dev/lab: lab-18
    spec:
      containers:
        - name: web
          image: nginxinc/nginx-unprivileged:1.27
          ports:
            - name: http
              containerPort: 8080
          securityContext:
            runAsNonRoot: true
            runAsUser: 101
            seccompProfile:
              type: RuntimeDefault
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
YAML
kubectl rollout status deployment/legacy -n $ns --timeout=120s
