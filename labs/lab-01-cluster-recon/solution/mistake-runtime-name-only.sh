#!/usr/bin/env bash
# fails: runtime/container-runtime
# Near miss: wrote only the runtime's name (containerd), without ://version.
set -euo pipefail
ns=lab-01
count=$(kubectl get nodes -o name | wc -l | tr -d ' ')
cp=$(kubectl get nodes -l node-role.kubernetes.io/control-plane -o jsonpath='{.items[0].metadata.name}')
worker=$(kubectl get nodes -l '!node-role.kubernetes.io/control-plane' -o jsonpath='{.items[0].metadata.name}')
kubelet=$(kubectl get node "$worker" -o jsonpath='{.status.nodeInfo.kubeletVersion}')
runtime=$(kubectl get node "$worker" -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}')
runtime=${runtime%%://*}
taint=$(kubectl get node "$cp" -o jsonpath='{.spec.taints[0].key}')
ip=$(kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}')
kubectl create configmap cluster-facts -n $ns \
  --from-literal=nodeCount="$count" --from-literal=controlPlaneNode="$cp" \
  --from-literal=kubeletVersion="$kubelet" --from-literal=containerRuntime="$runtime" \
  --from-literal=controlPlaneTaint="$taint" --from-literal=apiServiceIP="$ip"
