#!/usr/bin/env bash
# An alternative: the page piped through tee into the volume; the sidecar has a startup probe (it
# counts as started once the probe passes) and a second, read-only mount; explicit restartPolicy and
# imagePullPolicy on the Pod and containers.
set -euo pipefail
ns=lab-03
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: site
spec:
  restartPolicy: Always
  volumes:
    - name: html
      emptyDir: {}
  initContainers:
    - name: init-html
      image: busybox:1.36
      imagePullPolicy: IfNotPresent
      command: ["sh", "-c", "echo '<p>hello</p>' | tee /pages/index.html"]
      volumeMounts:
        - name: html
          mountPath: /pages
    - name: logger
      image: busybox:1.36
      imagePullPolicy: IfNotPresent
      restartPolicy: Always
      command: ["sh", "-c", "while true; do date >> /out/heartbeat; sleep 5; done"]
      startupProbe:
        exec:
          command: ["test", "-d", "/out"]
      volumeMounts:
        - name: html
          mountPath: /out
        - name: html
          mountPath: /in
          readOnly: true
  containers:
    - name: nginx
      image: nginx:1.27
      imagePullPolicy: IfNotPresent
      volumeMounts:
        - name: html
          mountPath: /usr/share/nginx/html
YAML
