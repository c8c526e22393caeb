#!/usr/bin/env bash
# fails: pod-logs/mount-path
# Near miss: both sides changed to /var/log/pods (hostPath and mountPath) — the agent's command still reads /logs, which is now empty.
set -euo pipefail
ns=lab-09
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"add","path":"/spec/template/spec/tolerations/-","value":{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}}]'
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/volumes/0/hostPath/path","value":"/var/log/pods"}]'
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/volumeMounts/0/mountPath","value":"/var/log/pods"}]'
kubectl rollout status daemonset/log-agent -n $ns --timeout=120s
