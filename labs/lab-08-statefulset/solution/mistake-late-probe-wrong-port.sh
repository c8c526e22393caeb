#!/usr/bin/env bash
# fails: pods-serving/ready
# Near miss: a readiness probe added at the end on port 80 — httpd listens on 8080, so the re-created Pods never become ready.
# graded on real nodes (kind tier)
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
              mountPath: /data
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
# A readiness probe added at the end: the StatefulSet replaces db-1, then db-0, one at a time.
kubectl patch statefulset db -n $ns --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/readinessProbe","value":{"httpGet":{"path":"/","port":80}}}]'
kubectl wait statefulset/db -n $ns --for=jsonpath='{.status.observedGeneration}'="$(kubectl get statefulset db -n $ns -o jsonpath='{.metadata.generation}')" --timeout=60s
# Simulated nodes report every Pod ready, so the update replaces db-1 and db-0 and finishes: wait for
# it, or db-0 may be caught mid-replacement. On real nodes the new db-1 never gets ready and the update
# stops there (db-0 is left alone): the wait times out and the state is as the learner would leave it.
kubectl rollout status statefulset/db -n $ns --timeout=20s || kubectl get pod db-0 -n $ns
