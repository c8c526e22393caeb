#!/usr/bin/env bash
# fails: every-node/nodes-untouched
# Near miss: the control plane's taint removed (kubectl taint … NoSchedule-) instead of tolerating it — every workload may now land there.
set -euo pipefail
ns=lab-09
kubectl taint nodes wheelhouse-control-plane node-role.kubernetes.io/control-plane:NoSchedule-
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/volumes/0/hostPath/path","value":"/var/log/pods"}]'
kubectl rollout status daemonset/log-agent -n $ns --timeout=120s
