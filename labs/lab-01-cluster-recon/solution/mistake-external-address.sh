#!/usr/bin/env bash
# fails: api-service/cluster-ip
# Near miss: the address from `kubectl cluster-info` — how you reach the API server from outside,
# not the Service IP that Pods use inside the cluster.
set -euo pipefail
ns=lab-01
cp=$(kubectl get nodes -l node-role.kubernetes.io/control-plane -o jsonpath='{.items[0].metadata.name}')
worker=$(kubectl get nodes -l '!node-role.kubernetes.io/control-plane' -o jsonpath='{.items[0].metadata.name}')
server=$(kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}')
kubectl create configmap cluster-facts -n $ns \
  --from-literal=nodeCount="$(kubectl get nodes --no-headers | wc -l)" \
  --from-literal=controlPlaneNode="$cp" \
  --from-literal=kubeletVersion="$(kubectl get node "$worker" -o jsonpath='{.status.nodeInfo.kubeletVersion}')" \
  --from-literal=containerRuntime="$(kubectl get node "$worker" -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}')" \
  --from-literal=controlPlaneTaint=node-role.kubernetes.io/control-plane \
  --from-literal=apiServiceIP="$server"
