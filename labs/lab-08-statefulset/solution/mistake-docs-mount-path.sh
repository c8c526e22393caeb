#!/usr/bin/env bash
# fails: statefulset/claim-template
# Near miss: the mount path kept from the docs' nginx example, /usr/share/nginx/html — httpd serves /data, which is then not the volume.
set -euo pipefail
ns=lab-08
# headless-service
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
    - name: http
      port: 8080
      targetPort: 8080
YAML
# statefulset, stable-names
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
        - name: httpd
          image: busybox:1.36
          command: ["httpd", "-f", "-p", "8080", "-h", "/data"]
          ports:
            - name: http
              containerPort: 8080
          volumeMounts:
            - name: data
              mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 1Gi
YAML
kubectl rollout status statefulset/db -n $ns --timeout=180s
# pod-recreated
kubectl delete pod db-0 -n $ns
kubectl wait pod/db-0 -n $ns --for=create --timeout=60s
kubectl wait pod/db-0 -n $ns --for=condition=Ready --timeout=120s
# scaled-down
kubectl scale statefulset db -n $ns --replicas=2
kubectl wait pod/db-2 -n $ns --for=delete --timeout=120s
