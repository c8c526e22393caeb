#!/usr/bin/env bash
# An alternative: the init container works in its mount (workingDir: /data) and writes index.html by
# a relative path; command and args split; the sidecar tails its own log file forever.
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
    - name: page
      image: busybox:1.36
      workingDir: /data
      command: ["/bin/sh", "-c"]
      args: ["printf '<h1>%s</h1>\\n' 'Served from a shared volume' > index.html"]
      volumeMounts:
        - mountPath: /data
          name: html
    - name: logger
      image: busybox:1.36
      restartPolicy: Always
      command: ["/bin/sh", "-c", "touch /shared/app.log; while true; do echo tick >> /shared/app.log; sleep 10; done & tail -f /shared/app.log"]
      volumeMounts:
        - mountPath: /shared
          name: html
  containers:
    - name: nginx
      image: nginx:1.27
      volumeMounts:
        - mountPath: /usr/share/nginx/html
          name: html
YAML
