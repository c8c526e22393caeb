#!/usr/bin/env bash
# Correct alternative, in another order: the StatefulSet first, then the headless Service, as JSON
# and without targetPort (it defaults to the port, 8080). httpd is split into command and args
# with its flags in another order; db-0 is deleted through its pod-name label.
set -euo pipefail
ns=lab-08
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  labels:
    app: db
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
        - name: httpd
          image: busybox:1.36
          command: ["httpd"]
          args: ["-f", "-h", "/data", "-p", "8080"]
          ports:
            - containerPort: 8080
          volumeMounts:
            - name: data
              mountPath: /data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: "1Gi"
YAML
kubectl create -n $ns -f - <<'JSON'
{ "apiVersion": "v1", "kind": "Service",
  "metadata": { "name": "db" },
  "spec": { "clusterIP": "None", "selector": { "app": "db" }, "ports": [ { "port": 8080 } ] } }
JSON
kubectl rollout status statefulset/db -n $ns --timeout=180s
kubectl delete pod -n $ns -l statefulset.kubernetes.io/pod-name=db-0
kubectl wait pod/db-0 -n $ns --for=create --timeout=60s
kubectl wait pod/db-0 -n $ns --for=condition=Ready --timeout=120s
kubectl scale statefulset db -n $ns --current-replicas=3 --replicas=2
kubectl wait pod/db-2 -n $ns --for=delete --timeout=120s
