#!/usr/bin/env bash
# fails: restricted-fields/drop-all
# Near miss: ALL is dropped but NET_BIND_SERVICE is added back (restricted allows it) — the task says every capability dropped.
set -euo pipefail
ns=lab-18

kubectl patch deployment legacy -n $ns --type=json -p '[
  {"op":"add","path":"/spec/template/spec/securityContext","value":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}}},
  {"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginxinc/nginx-unprivileged:1.27"},
  {"op":"replace","path":"/spec/template/spec/containers/0/ports/0/containerPort","value":8080},
  {"op":"add","path":"/spec/template/spec/containers/0/securityContext","value":{"allowPrivilegeEscalation":false,"readOnlyRootFilesystem":true,"capabilities":{"drop":["ALL"],"add":["NET_BIND_SERVICE"]}}},
  {"op":"add","path":"/spec/template/spec/containers/0/volumeMounts","value":[{"name":"tmp","mountPath":"/tmp"}]},
  {"op":"add","path":"/spec/template/spec/volumes","value":[{"name":"tmp","emptyDir":{}}]}]'
kubectl rollout status deployment/legacy -n $ns --timeout=90s
