#!/usr/bin/env bash
# Reference solution: compare taints with tolerations, then patch the DaemonSet in place.
set -euo pipefail
ns=lab-09

# Look first: DESIRED is 2 on a cluster of 3 nodes.
kubectl get ds log-agent -n $ns
kubectl get nodes
kubectl describe node wheelhouse-control-plane | grep -A2 Taints

# every-node: tolerate the taint the control plane really has
kubectl patch ds log-agent -n $ns --type=json \
  -p '[{"op":"replace","path":"/spec/template/spec/tolerations/0/key","value":"node-role.kubernetes.io/control-plane"}]'

# pod-logs: the node's folder changes, the folder inside the container does not
kubectl patch ds log-agent -n $ns --type=json \
  -p '[{"op":"replace","path":"/spec/template/spec/volumes/0/hostPath/path","value":"/var/log/pods"}]'

# agents-ready
kubectl rollout status ds/log-agent -n $ns --timeout=120s
kubectl get ds log-agent -n $ns
