#!/usr/bin/env bash
# fails: restricted-fields/seccomp
# Near miss: everything but the seccomp profile. restricted still refuses every Pod
# ("seccompProfile.type must be RuntimeDefault or Localhost").
set -euo pipefail
ns=lab-18
kubectl set image deployment/legacy web=nginxinc/nginx-unprivileged:1.27 -n $ns
kubectl patch deployment legacy -n $ns --type=json \
  -p '[{"op":"replace","path":"/spec/template/spec/containers/0/ports/0/containerPort","value":8080}]'
kubectl patch deployment legacy -n $ns -p '
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: web
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
'
kubectl describe replicaset -l app=legacy -n $ns | grep -m1 FailedCreate || true
