#!/usr/bin/env bash
# fails: headless-service, stable-names
# Near miss: an ordinary ClusterIP Service. Its DNS name gives one virtual IP, and there are no
# per-Pod names like db-0.db, even though the StatefulSet names it as its service.
set -euo pipefail
ns=lab-08
kubectl create service clusterip db --tcp=8080:8080 -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  replicas: 3
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers:
        - name: db
          image: busybox:1.36
          command: [httpd, -f, -p, "8080", -h, /data]
          volumeMounts: [{ name: data, mountPath: /data }]
  volumeClaimTemplates:
    - metadata: { name: data }
      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
YAML
kubectl rollout status statefulset/db -n $ns --timeout=120s
kubectl delete pod db-0 -n $ns
kubectl scale statefulset db --replicas=2 -n $ns
