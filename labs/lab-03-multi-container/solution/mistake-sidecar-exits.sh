#!/usr/bin/env bash
# fails: site-running/all-ready
# Near miss: logger appends one line and exits — a sidecar must keep running; it is restarted again and again and is not ready.
# graded on real nodes (kind tier)
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
    - name: write-page
      image: busybox:1.36
      command: [sh, -c, 'echo "<h1>Hello from the init container</h1>" > /work/index.html']
      volumeMounts:
        - name: html
          mountPath: /work
    - name: logger
      image: busybox:1.36
      restartPolicy: Always
      command: [sh, -c, 'date >> /html/visits.log']
      volumeMounts:
        - name: html
          mountPath: /html
  containers:
    - name: nginx
      image: nginx:1.27
      volumeMounts:
        - name: html
          mountPath: /usr/share/nginx/html
YAML
