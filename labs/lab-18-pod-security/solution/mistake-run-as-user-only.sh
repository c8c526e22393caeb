#!/usr/bin/env bash
# fails: restricted-fields/run-as-non-root
# Near miss: runAsUser: 101 instead of runAsNonRoot: true — a non-root user, but restricted wants runAsNonRoot stated, so every Pod is refused.
set -euo pipefail
ns=lab-18

kubectl patch deployment legacy -n $ns --type=json -p '[
  {"op":"add","path":"/spec/template/spec/securityContext","value":{"runAsUser":101,"seccompProfile":{"type":"RuntimeDefault"}}},
  {"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginxinc/nginx-unprivileged:1.27"},
  {"op":"replace","path":"/spec/template/spec/containers/0/ports/0/containerPort","value":8080},
  {"op":"add","path":"/spec/template/spec/containers/0/securityContext","value":{"allowPrivilegeEscalation":false,"readOnlyRootFilesystem":true,"capabilities":{"drop":["ALL"]}}},
  {"op":"add","path":"/spec/template/spec/containers/0/volumeMounts","value":[{"name":"tmp","mountPath":"/tmp"}]},
  {"op":"add","path":"/spec/template/spec/volumes","value":[{"name":"tmp","emptyDir":{}}]}]'
