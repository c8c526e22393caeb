#!/usr/bin/env bash
# fails: agents-ready/rolled-out
# Near miss: updateStrategy OnDelete set while fixing it "so nothing restarts by surprise" — the old agents on the workers keep the broken hostPath and never start.
# graded on real nodes (kind tier)
set -euo pipefail
ns=lab-09
kubectl patch daemonset log-agent -n $ns --type=merge -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"add","path":"/spec/template/spec/tolerations/-","value":{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}}]'
kubectl patch daemonset log-agent -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/volumes/0/hostPath/path","value":"/var/log/pods"}]'
kubectl wait daemonset/log-agent -n $ns --for=jsonpath='{.status.currentNumberScheduled}'=3 --timeout=120s
