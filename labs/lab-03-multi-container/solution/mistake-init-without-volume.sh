#!/usr/bin/env bash
# fails: init-page/init-mount
# Near miss: the init container writes the page into its own filesystem, at the path nginx uses,
# but never mounts the shared volume — the file is gone when the init container exits.
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
      command: [sh, -c, 'mkdir -p /usr/share/nginx/html && echo hi > /usr/share/nginx/html/index.html']
    - name: logger
      image: busybox:1.36
      restartPolicy: Always
      command: [sh, -c, 'while true; do date >> /html/heartbeat.txt; sleep 5; done']
      volumeMounts: [{ name: html, mountPath: /html }]
  containers:
    - name: nginx
      image: nginx:1.27
      volumeMounts: [{ name: html, mountPath: /usr/share/nginx/html }]
YAML
