#!/usr/bin/env bash
# Alternative: `kubectl set image`, then the rest as `kubectl edit` would write it back (get, change,
# replace in place): runAsNonRoot and seccomp at Pod level with an explicit user and group, the port
# list replaced by 8080 under the old name http, and the emptyDir mounted read-write explicitly
# (readOnly: false).
set -euo pipefail
ns=lab-18
kubectl set image deployment/legacy -n $ns web=nginxinc/nginx-unprivileged:1.27
# (the fetched copy carries its resourceVersion: if the controller writes the status in between,
# replace is refused with a conflict, and a learner fetches it again)
for i in 1 2 3 4 5; do
kubectl get deployment legacy -n $ns -o yaml \
  | kubectl patch -f - --local --type=merge -o yaml -p '
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 101
        runAsGroup: 101
        seccompProfile:
          type: RuntimeDefault
      volumes:
        - name: tmp
          emptyDir: {}
' \
  | kubectl patch -f - --local --type=json -o yaml -p '[
      {"op":"replace","path":"/spec/template/spec/containers/0/ports","value":[{"name":"http","containerPort":8080,"protocol":"TCP"}]},
      {"op":"add","path":"/spec/template/spec/containers/0/securityContext","value":{"capabilities":{"drop":["ALL"]},"allowPrivilegeEscalation":false,"readOnlyRootFilesystem":true}},
      {"op":"add","path":"/spec/template/spec/containers/0/volumeMounts","value":[{"name":"tmp","mountPath":"/tmp","readOnly":false}]}]' \
  | kubectl replace -f - && break
[ $i = 5 ] && exit 1; sleep 1
done
kubectl rollout status deployment/legacy -n $ns --timeout=90s
