#!/usr/bin/env bash
# fails: site-running/init-exit-0
# Near miss: the init container runs bash -c, but busybox has no bash: it cannot start, and the page is never written.
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
      command: [bash, -c, 'echo "<h1>Hello from the init container</h1>" > /work/index.html']
      volumeMounts:
        - name: html
          mountPath: /work
    - name: logger
      image: busybox:1.36
      restartPolicy: Always
      command: [sh, -c, 'while true; do date >> /html/visits.log; sleep 5; done']
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
