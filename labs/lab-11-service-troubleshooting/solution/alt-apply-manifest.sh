#!/usr/bin/env bash
# Alternative: declarative — the corrected Service written out in full and applied over the live one
# (a set-based selector, matchExpressions style, is not possible for a Service, so app=api it is).
# The ports entry omits protocol (TCP by default).
set -euo pipefail
ns=lab-11
kubectl apply -n $ns --server-side --force-conflicts -f - <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: api
  labels:
    app: api
    wheelhouse.dev/lab: lab-11
spec:
  type: NodePort
  selector:
    app: api
  ports:
    - name: http
      port: 80
      targetPort: 80
      nodePort: 30080
YAML
kubectl create job smoke -n $ns --image=busybox:1.36 -- /bin/sh -c 'wget -q -O - -T 5 http://api/ > /dev/null'
