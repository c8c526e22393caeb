#!/usr/bin/env bash
# fails: every-node/on-every-node
# Near miss: the new key tolerated with effect NoExecute — the control plane's taint is NoSchedule, which this toleration does not cover.
set -euo pipefail
ns=lab-09
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"add","path":"/spec/template/spec/tolerations/-","value":{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoExecute"}}]'
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/volumes/0/hostPath/path","value":"/var/log/pods"}]'
kubectl rollout status daemonset/log-agent -n $ns --timeout=120s
