#!/usr/bin/env bash
# Reference solution: look, then write down what you found.
set -euo pipefail
ns=lab-01

kubectl get nodes -o wide
cp=$(kubectl get nodes -l node-role.kubernetes.io/control-plane -o jsonpath='{.items[0].metadata.name}')
count=$(kubectl get nodes --no-headers | wc -l)
worker=$(kubectl get nodes -l '!node-role.kubernetes.io/control-plane' -o jsonpath='{.items[0].metadata.name}')
kubelet=$(kubectl get node "$worker" -o jsonpath='{.status.nodeInfo.kubeletVersion}')
runtime=$(kubectl get node "$worker" -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}')
kubectl describe node "$cp" | grep -A2 Taints
kubectl get services -n default
apiip=$(kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}')

kubectl create configmap cluster-facts -n $ns \
  --from-literal=nodeCount="$count" \
  --from-literal=controlPlaneNode="$cp" \
  --from-literal=kubeletVersion="$kubelet" \
  --from-literal=containerRuntime="$runtime" \
  --from-literal=controlPlaneTaint=node-role.kubernetes.io/control-plane \
  --from-literal=apiServiceIP="$apiip"
