#!/usr/bin/env bash
# Alternative solution: both objects from one manifest applied twice (3 replicas, then 2), the
# Pods started in parallel, and the server command given through a shell.
set -euo pipefail
ns=lab-08

manifest() { # $1 = replicas
  cat <<YAML
apiVersion: v1
kind: Service
metadata:
  name: db
  labels:
    app: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
    - name: http
      port: 8080
      targetPort: http
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: $1
  podManagementPolicy: Parallel
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
        tier: data
    spec:
      containers:
        - name: server
          image: busybox:1.36
          command: [sh, -c]
          args: ["exec httpd -f -p 8080 -h /data"]
          ports:
            - name: http
              containerPort: 8080
          volumeMounts:
            - name: data
              mountPath: /data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 1Gi
YAML
}

manifest 3 | kubectl apply -n $ns -f -
# the StatefulSet makes db-0 first, a moment after the apply: wait for all three before deleting it
kubectl rollout status statefulset/db -n $ns --timeout=120s
kubectl delete pod db-0 -n $ns
kubectl wait statefulset/db -n $ns --for=jsonpath='{.status.readyReplicas}'=3 --timeout=120s
manifest 2 | kubectl apply -n $ns -f -
