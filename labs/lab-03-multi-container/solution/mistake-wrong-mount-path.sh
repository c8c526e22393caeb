#!/usr/bin/env bash
# fails: nginx-serves/mount
# Near miss: the page lands in /var/www/html, where nginx never looks (it serves its default page).
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
    - name: logger
      image: busybox:1.36
      restartPolicy: Always
      command: [sh, -c, 'tail -f /dev/null']
      volumeMounts: [{ name: html, mountPath: /html }]
  containers:
    - name: nginx
      image: nginx:1.27
      volumeMounts: [{ name: html, mountPath: /var/www/html }]
YAML
