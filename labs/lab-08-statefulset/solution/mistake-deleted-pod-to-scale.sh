#!/usr/bin/env bash
# fails: scaled-down/replicas-two
# Near miss: "scaling down" by deleting the Pod db-2. The StatefulSet still wants three replicas
# and simply makes db-2 again.
set -euo pipefail
ns=lab-08
kubectl create service clusterip db --clusterip=None --tcp=8080:8080 -n $ns
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
kubectl rollout status statefulset/db -n $ns --timeout=120s
kubectl delete pod db-2 -n $ns
