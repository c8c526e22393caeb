#!/usr/bin/env bash
# Reference solution: a headless Service, a StatefulSet tied to it, a deleted Pod, a scale-down.
set -euo pipefail
ns=lab-08

# headless-service: --clusterip=None makes it headless; the selector is app=db
kubectl create service clusterip db --clusterip=None --tcp=8080:8080 -n $ns

# statefulset + stable-names: serviceName is the headless Service
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
        - name: db
          image: busybox:1.36
          command: [httpd, -f, -p, "8080", -h, /data]
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
kubectl rollout status statefulset/db -n $ns --timeout=120s
kubectl get pods,pvc -n $ns
kubectl get endpointslices -n $ns -l kubernetes.io/service-name=db -o jsonpath='{.items[*].endpoints[*].hostname}'; echo

# pod-recreated: write a file (real nodes only), delete the Pod, read the file from the new db-0
kubectl exec db-0 -n $ns -- sh -c 'echo "hello from db-0" > /data/hello.txt' || echo "(exec needs real nodes)"
kubectl delete pod db-0 -n $ns
kubectl rollout status statefulset/db -n $ns --timeout=120s
kubectl exec db-0 -n $ns -- cat /data/hello.txt || echo "(exec needs real nodes)"

# scaled-down: db-2 goes, data-db-2 stays
kubectl scale statefulset db --replicas=2 -n $ns
kubectl get pvc -n $ns
