#!/usr/bin/env bash
# Reference solution: one manifest with an init container, a native sidecar and nginx.
set -euo pipefail
ns=lab-03
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: site
  labels:
    app: site
spec:
  volumes:
    - name: html
      emptyDir: {}
  initContainers:
    - name: write-page
      image: busybox:1.36
      command: [sh, -c, 'echo "<h1>Hello from the init container</h1>" > /html/index.html']
      volumeMounts:
        - name: html
          mountPath: /html
    - name: logger
      image: busybox:1.36
      restartPolicy: Always
      command: [sh, -c, 'while true; do date >> /html/heartbeat.txt; sleep 5; done']
      volumeMounts:
        - name: html
          mountPath: /html
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
      volumeMounts:
        - name: html
          mountPath: /usr/share/nginx/html
YAML
kubectl wait pod/site -n $ns --for=condition=Ready --timeout=120s
