#!/usr/bin/env bash
# fails: pod-logs/host-path
# Near miss: hostPath /var/log, "the logs are under it somewhere" — /logs then shows every log folder of the node, not the Pod log folders.
set -euo pipefail
ns=lab-09
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"add","path":"/spec/template/spec/tolerations/-","value":{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}}]'
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/volumes/0/hostPath/path","value":"/var/log"}]'
kubectl rollout status daemonset/log-agent -n $ns --timeout=120s
