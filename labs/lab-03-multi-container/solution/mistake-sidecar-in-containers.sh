#!/usr/bin/env bash
# fails: native-sidecar/native
# Near miss: the old sidecar pattern — a second regular container, with no start or stop order.
set -euo pipefail
ns=lab-03
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata: { name: site }
spec:
  volumes: [{ name: html, emptyDir: {} }]
  initContainers:
    - name: write-page
      image: busybox:1.36
      command: [sh, -c, 'echo hi > /html/index.html']
      volumeMounts: [{ name: html, mountPath: /html }]
  containers:
    - name: nginx
      image: nginx:1.27
      volumeMounts: [{ name: html, mountPath: /usr/share/nginx/html }]
    - name: logger
      image: busybox:1.36
      command: [sh, -c, 'while true; do date >> /html/heartbeat.txt; sleep 5; done']
      volumeMounts: [{ name: html, mountPath: /html }]
YAML
