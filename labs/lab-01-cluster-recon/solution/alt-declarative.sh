#!/usr/bin/env bash
# Alternative solution: read the facts, then apply a ConfigMap manifest with them.
set -euo pipefail
ns=lab-01
nodes=$(kubectl get nodes -o json)
cp=$(kubectl get nodes -l node-role.kubernetes.io/control-plane -o name | head -1 | cut -d/ -f2)
taint=$(kubectl get node "$cp" -o jsonpath='{.spec.taints[?(@.effect=="NoSchedule")].key}')
info=$(kubectl get nodes -l '!node-role.kubernetes.io/control-plane' -o jsonpath='{.items[0].status.nodeInfo.kubeletVersion} {.items[0].status.nodeInfo.containerRuntimeVersion}')
read -r kubelet runtime <<<"$info"
apiip=$(kubectl get svc kubernetes -n default -o jsonpath='{.spec.clusterIP}')
count=$(grep -c '"kind": "Node"' <<<"$nodes")
kubectl apply -n $ns -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: cluster-facts
data:
  nodeCount: "$count"
  controlPlaneNode: $cp
  kubeletVersion: $kubelet
  containerRuntime: $runtime
  controlPlaneTaint: $taint
  apiServiceIP: "$apiip"
YAML
