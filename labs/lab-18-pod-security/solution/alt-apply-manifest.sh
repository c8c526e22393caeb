#!/usr/bin/env bash
# Alternative: the whole Deployment re-applied from a fixed manifest (same name: the same object,
# changed in place), every setting in the container's securityContext, the image written with its
# registry (docker.io/...), the port unnamed, /tmp an in-memory emptyDir with a size limit.
set -euo pipefail
kubectl apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: legacy
  namespace: lab-18
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
          image: docker.io/nginxinc/nginx-unprivileged:1.27
          ports:
            - containerPort: 8080
          securityContext:
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: scratch
              mountPath: /tmp/
      volumes:
        - name: scratch
          emptyDir:
            medium: Memory
            sizeLimit: 16Mi
YAML
kubectl rollout status deployment/legacy -n lab-18 --timeout=90s
