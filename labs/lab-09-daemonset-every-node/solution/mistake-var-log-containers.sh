#!/usr/bin/env bash
# fails: pod-logs/host-path
# Near miss: hostPath /var/log/containers — on the node that folder holds only symlinks into /var/log/pods, which dangle inside the container.
set -euo pipefail
ns=lab-09
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"add","path":"/spec/template/spec/tolerations/-","value":{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}}]'
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/volumes/0/hostPath/path","value":"/var/log/containers"}]'
kubectl rollout status daemonset/log-agent -n $ns --timeout=120s
