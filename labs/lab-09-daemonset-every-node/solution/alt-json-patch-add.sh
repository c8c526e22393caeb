#!/usr/bin/env bash
# Correct alternative: one JSON patch — a toleration for the current key added beside the old one
# (no effect given: it tolerates every effect of that key) and the hostPath replaced, written with
# a trailing slash (/var/log/pods/ is the same folder).
set -euo pipefail
ns=lab-09
kubectl patch daemonset log-agent -n $ns --type=json -p '[
  {"op":"add","path":"/spec/template/spec/tolerations/-","value":{"key":"node-role.kubernetes.io/control-plane","operator":"Exists"}},
  {"op":"replace","path":"/spec/template/spec/volumes/0/hostPath/path","value":"/var/log/pods/"}]'
kubectl rollout status daemonset/log-agent -n $ns --timeout=120s
