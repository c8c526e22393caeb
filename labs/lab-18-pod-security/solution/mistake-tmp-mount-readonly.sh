#!/usr/bin/env bash
# fails: unprivileged-readonly/tmp-writable
# Near miss: the /tmp mount is marked readOnly: true along with the root filesystem, so nginx cannot write its PID file there either.
set -euo pipefail
ns=lab-18

kubectl patch deployment legacy -n $ns --type=json -p '[
  {"op":"add","path":"/spec/template/spec/securityContext","value":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}}},
  {"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginxinc/nginx-unprivileged:1.27"},
  {"op":"replace","path":"/spec/template/spec/containers/0/ports/0/containerPort","value":8080},
  {"op":"add","path":"/spec/template/spec/containers/0/securityContext","value":{"allowPrivilegeEscalation":false,"readOnlyRootFilesystem":true,"capabilities":{"drop":["ALL"]}}},
  {"op":"add","path":"/spec/template/spec/containers/0/volumeMounts","value":[{"name":"tmp","mountPath":"/tmp","readOnly":true}]},
  {"op":"add","path":"/spec/template/spec/volumes","value":[{"name":"tmp","emptyDir":{}}]}]'
# nginx cannot start on a real node: wait for the Pods to be created, not for the rollout
kubectl wait deployment/legacy -n $ns --for=jsonpath='{.status.updatedReplicas}'=2 --timeout=90s
