#!/usr/bin/env bash
# fails: nodes/node-count
# Near miss: counting only the workers (the control plane is a node too).
set -euo pipefail
ns=lab-01
kubectl create configmap cluster-facts -n $ns \
  --from-literal=nodeCount=2 \
  --from-literal=controlPlaneNode=wheelhouse-control-plane \
  --from-literal=kubeletVersion="$(kubectl get nodes -o jsonpath='{.items[0].status.nodeInfo.kubeletVersion}')" \
  --from-literal=containerRuntime="$(kubectl get nodes -o jsonpath='{.items[0].status.nodeInfo.containerRuntimeVersion}')" \
  --from-literal=controlPlaneTaint=node-role.kubernetes.io/control-plane \
  --from-literal=apiServiceIP="$(kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}')"
