#!/usr/bin/env bash
# fails: init-page/first
# Near miss: the sidecar listed first among the init containers — it starts before the page is written, so the init container no longer runs before the other containers.
set -euo pipefail
ns=lab-03
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: site
spec:
  volumes:
    - name: html
      emptyDir: {}
  initContainers:
    - name: logger
      image: busybox:1.36
      restartPolicy: Always
      command: [sh, -c, 'while true; do date >> /html/visits.log; sleep 5; done']
      volumeMounts:
        - name: html
          mountPath: /html
    - name: write-page
      image: busybox:1.36
      command: [sh, -c, 'echo "<h1>Hello from the init container</h1>" > /work/index.html']
      volumeMounts:
        - name: html
          mountPath: /work
  containers:
    - name: nginx
      image: nginx:1.27
      volumeMounts:
        - name: html
          mountPath: /usr/share/nginx/html
YAML
