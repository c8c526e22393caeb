#!/usr/bin/env bash
# fails: pod-logs
# Near miss: the wrong side of the volume is changed. The container now mounts at /var/log/pods
# (where the agent does not look), and the node's folder is still /var/lib/docker/containers.
set -euo pipefail
ns=lab-09
kubectl patch ds log-agent -n $ns --type=json -p '[
  {"op":"replace","path":"/spec/template/spec/tolerations/0/key","value":"node-role.kubernetes.io/control-plane"},
  {"op":"replace","path":"/spec/template/spec/containers/0/volumeMounts/0/mountPath","value":"/var/log/pods"}]'
