#!/usr/bin/env bash
# fails: every-node/on-every-node
# Near miss: a second DaemonSet, log-agent-cp, pinned to the control plane — log-agent itself still skips that node.
set -euo pipefail
ns=lab-09
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/volumes/0/hostPath/path","value":"/var/log/pods"}]'
kubectl rollout status daemonset/log-agent -n $ns --timeout=120s
kubectl get daemonset log-agent -n $ns -o json \
  | sed -e 's/"name": "log-agent"/"name": "log-agent-cp"/' -e 's/"app": "log-agent"/"app": "log-agent-cp"/g' \
        -e 's#"key": "node-role.kubernetes.io/master"#"key": "node-role.kubernetes.io/control-plane"#' \
        -e 's#"tolerations": \[#"nodeSelector": {"node-role.kubernetes.io/control-plane": ""}, "tolerations": [#' \
  | grep -v -e '"uid":' -e '"resourceVersion":' -e '"creationTimestamp":' \
  | kubectl create -f -
kubectl rollout status daemonset/log-agent-cp -n $ns --timeout=120s
