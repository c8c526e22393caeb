#!/usr/bin/env bash
# Alternative solution: apply the corrected Service manifest (kubectl apply updates the existing
# object). targetPort names the container port "http" instead of repeating its number.
set -euo pipefail
ns=lab-11
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: api
  labels:
    app: api
    wheelhouse.dev/lab: lab-11
spec:
  type: NodePort
  selector:
    app: api
  ports:
    - name: http
      port: 80
      targetPort: http
      nodePort: 30080
YAML
kubectl apply -n $ns -f - <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: smoke
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: smoke
          image: busybox:1.36
          command: ["wget", "-qO-", "-T", "5", "http://api.lab-11.svc.cluster.local"]
YAML
kubectl wait job/smoke --for=condition=complete --timeout=60s -n $ns
