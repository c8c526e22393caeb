#!/usr/bin/env bash
# Correct alternative: Pods started in parallel (podManagementPolicy: Parallel), a set-based
# selector, the retention policy written out with its defaults (Retain, Retain), httpd started
# through `sh -c`, and a Service whose targetPort is the container port's name.
set -euo pipefail
ns=lab-08
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: ClusterIP
  clusterIP: None
  selector:
    app: db
  ports:
    - port: 8080
      targetPort: http
      protocol: TCP
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  podManagementPolicy: Parallel
  persistentVolumeClaimRetentionPolicy:
    whenDeleted: Retain
    whenScaled: Retain
  replicas: 3
  selector:
    matchExpressions:
      - { key: app, operator: In, values: [db] }
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: httpd
          image: busybox:1.36
          command: ["sh", "-c", "httpd -f -p 8080 -h /data"]
          ports:
            - name: http
              containerPort: 8080
          volumeMounts:
            - { name: data, mountPath: /data }
  volumeClaimTemplates:
    - apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        volumeMode: Filesystem
        resources:
          requests:
            storage: 1Gi
YAML
kubectl rollout status statefulset/db -n $ns --timeout=180s
kubectl delete pod db-0 -n $ns
kubectl wait pod/db-0 -n $ns --for=create --timeout=60s
kubectl wait pod/db-0 -n $ns --for=condition=Ready --timeout=120s
kubectl scale statefulset/db -n $ns --replicas=2
kubectl wait pod/db-2 -n $ns --for=delete --timeout=120s
