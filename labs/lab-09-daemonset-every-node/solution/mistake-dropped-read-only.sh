#!/usr/bin/env bash
# fails: pod-logs/read-only
# Near miss: the volume mount rewritten without readOnly: true — the agent could now write into the node's Pod logs.
set -euo pipefail
ns=lab-09
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"add","path":"/spec/template/spec/tolerations/-","value":{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}}]'
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/volumes/0/hostPath/path","value":"/var/log/pods"}]'
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/volumeMounts/0","value":{"name":"logs","mountPath":"/logs"}}]'
kubectl rollout status daemonset/log-agent -n $ns --timeout=120s
