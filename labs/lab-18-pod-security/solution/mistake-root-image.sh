#!/usr/bin/env bash
# fails: unprivileged-readonly
# Near miss: every securityContext field right, but still nginx:1.27 and no /tmp. Admission is
# satisfied (it reads only the spec); on a real node the kubelet refuses to start an image that
# runs as root under runAsNonRoot (CreateContainerConfigError).
set -euo pipefail
ns=lab-18
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
'
kubectl rollout status deployment/legacy -n $ns --timeout=120s
