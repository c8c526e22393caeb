#!/usr/bin/env bash
# An alternative: html is an emptyDir in memory with a size limit; the init container mounts it at
# nginx's own path; nginx mounts it read-only with a trailing slash (the same path); the native
# sidecar is declared first in the file's order of keys, containers before initContainers.
set -euo pipefail
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: site
  namespace: lab-03
  labels:
    app: site
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
      volumeMounts:
        - name: html
          mountPath: /usr/share/nginx/html/
          readOnly: true
  initContainers:
    - name: init
      image: busybox:1.36
      command:
        - sh
        - -c
        - |
          cat > /usr/share/nginx/html/index.html <<'HTML'
          <!doctype html><title>site</title><p>Written by the init container.</p>
          HTML
      volumeMounts:
        - name: html
          mountPath: /usr/share/nginx/html
    - name: logger
      image: busybox:1.36
      restartPolicy: Always
      command: [sh, -c, 'while sleep 3; do echo "$(date) alive" >> /var/log/site/log; done']
      volumeMounts:
        - name: html
          mountPath: /var/log/site
  volumes:
    - name: html
      emptyDir:
        medium: Memory
        sizeLimit: 16Mi
YAML
