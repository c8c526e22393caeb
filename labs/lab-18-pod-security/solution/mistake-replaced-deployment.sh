#!/usr/bin/env bash
# fails: pods-created/same-deployment
# Near miss: legacy is deleted and created again from a fixed manifest (`kubectl replace --force`) — the task fixes the Deployment you were given.
set -euo pipefail
ns=lab-18

kubectl get deployment legacy -n $ns -o yaml \
  | kubectl patch -f - --local --type=json -o yaml -p '[
  {"op":"add","path":"/spec/template/spec/securityContext","value":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}}},
  {"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginxinc/nginx-unprivileged:1.27"},
  {"op":"replace","path":"/spec/template/spec/containers/0/ports/0/containerPort","value":8080},
  {"op":"add","path":"/spec/template/spec/containers/0/securityContext","value":{"allowPrivilegeEscalation":false,"readOnlyRootFilesystem":true,"capabilities":{"drop":["ALL"]}}},
  {"op":"add","path":"/spec/template/spec/containers/0/volumeMounts","value":[{"name":"tmp","mountPath":"/tmp"}]},
  {"op":"add","path":"/spec/template/spec/volumes","value":[{"name":"tmp","emptyDir":{}}]}]' \
  | kubectl replace --force -f -
kubectl rollout status deployment/legacy -n $ns --timeout=90s
