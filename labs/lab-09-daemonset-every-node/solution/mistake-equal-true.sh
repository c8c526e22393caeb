#!/usr/bin/env bash
# fails: every-node/on-every-node
# Near miss: the right key, but written like the gpu=true pattern: operator Equal with value
# "true". The control plane taint has no value, so the toleration does not match it.
set -euo pipefail
ns=lab-09
kubectl patch ds log-agent -n $ns --type=json -p '[
  {"op":"replace","path":"/spec/template/spec/tolerations/0","value":{"key":"node-role.kubernetes.io/control-plane","operator":"Equal","value":"true","effect":"NoSchedule"}},
  {"op":"replace","path":"/spec/template/spec/volumes/0/hostPath/path","value":"/var/log/pods"}]'
