#!/usr/bin/env bash
# Correct alternative: the headless Service made with `kubectl create service clusterip --clusterip=None`
# (it selects app=db by itself); the StatefulSet gives httpd as args alone (busybox has no
# entrypoint), asks for 1024Mi (= 1Gi), names the default StorageClass (standard) and mounts at
# /data/ with a trailing slash; db-0 is deleted at once (--grace-period=0 --force), and the scale is a patch.
set -euo pipefail
ns=lab-08
kubectl create service clusterip db --clusterip=None --tcp=8080:8080 -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: web
          image: busybox:1.36
          args: ["httpd", "-f", "-p", "8080", "-h", "/data"]
          volumeMounts:
            - name: data
              mountPath: /data/
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        storageClassName: standard
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 1024Mi
YAML
kubectl rollout status statefulset/db -n $ns --timeout=180s
kubectl delete pod db-0 -n $ns --grace-period=0 --force
kubectl wait pod/db-0 -n $ns --for=create --timeout=60s
kubectl wait pod/db-0 -n $ns --for=condition=Ready --timeout=120s
kubectl patch statefulset db -n $ns --type=merge -p '{"spec":{"replicas":2}}'
kubectl wait pod/db-2 -n $ns --for=delete --timeout=120s
