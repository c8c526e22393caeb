#!/usr/bin/env bash
# fails: nodes/configmap, runtime/kubelet-version, taint/taint-key, api-service/cluster-ip
# Near miss: named the ConfigMap cluster-info (after `kubectl cluster-info`): every task adds to cluster-facts, so all four miss it.
set -euo pipefail
ns=lab-01
count=$(kubectl get nodes -o name | wc -l | tr -d ' ')
cp=$(kubectl get nodes -l node-role.kubernetes.io/control-plane -o jsonpath='{.items[0].metadata.name}')
worker=$(kubectl get nodes -l '!node-role.kubernetes.io/control-plane' -o jsonpath='{.items[0].metadata.name}')
kubelet=$(kubectl get node "$worker" -o jsonpath='{.status.nodeInfo.kubeletVersion}')
runtime=$(kubectl get node "$worker" -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}')
taint=$(kubectl get node "$cp" -o jsonpath='{.spec.taints[0].key}')
ip=$(kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}')
kubectl create configmap cluster-info -n $ns \
  --from-literal=nodeCount="$count" --from-literal=controlPlaneNode="$cp" \
  --from-literal=kubeletVersion="$kubelet" --from-literal=containerRuntime="$runtime" \
  --from-literal=controlPlaneTaint="$taint" --from-literal=apiServiceIP="$ip"
