#!/usr/bin/env bash
# Reference solution: read the refusal, then patch the Pod template field by field.
set -euo pipefail
ns=lab-18

# pods-created: the ReplicaSet's events say what Pod Security refuses
kubectl get deployment legacy -n $ns
kubectl describe replicaset -l app=legacy -n $ns | grep -m1 FailedCreate || true

# unprivileged-readonly: an image that runs as a non-root user, listening on 8080
kubectl set image deployment/legacy web=nginxinc/nginx-unprivileged:1.27 -n $ns
kubectl patch deployment legacy -n $ns --type=json \
  -p '[{"op":"replace","path":"/spec/template/spec/containers/0/ports/0/containerPort","value":8080}]'

# restricted-fields and the read-only root with /tmp, in one strategic-merge patch (containers merge by name)
kubectl patch deployment legacy -n $ns -p '
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
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
kubectl rollout status deployment/legacy -n $ns --timeout=120s
