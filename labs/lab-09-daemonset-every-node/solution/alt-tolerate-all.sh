#!/usr/bin/env bash
# Correct alternative: a toleration with operator Exists and no key (the usual choice for node
# agents: it tolerates every taint), and the hostPath with type DirectoryOrCreate; two merge
# patches of the Pod template.
set -euo pipefail
ns=lab-09
kubectl patch daemonset log-agent -n $ns --type=merge -p '{"spec":{"template":{"spec":{"tolerations":[{"operator":"Exists"}]}}}}'
kubectl patch daemonset log-agent -n $ns --type=merge -p '{"spec":{"template":{"spec":{"volumes":[{"name":"logs","hostPath":{"path":"/var/log/pods","type":"DirectoryOrCreate"}}]}}}}'
kubectl rollout status daemonset/log-agent -n $ns --timeout=120s
