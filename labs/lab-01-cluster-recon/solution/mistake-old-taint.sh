#!/usr/bin/env bash
# fails: taint/taint-key
# Near miss: the "master" taint of an old tutorial (gone since Kubernetes 1.25) instead of the one this
# cluster's control plane carries.
set -euo pipefail
ns=lab-01
kubectl create configmap cluster-facts -n $ns \
  --from-literal=nodeCount="$(kubectl get nodes --no-headers | wc -l)" \
  --from-literal=controlPlaneNode=wheelhouse-control-plane \
  --from-literal=kubeletVersion="$(kubectl get nodes -o jsonpath='{.items[0].status.nodeInfo.kubeletVersion}')" \
  --from-literal=containerRuntime="$(kubectl get nodes -o jsonpath='{.items[0].status.nodeInfo.containerRuntimeVersion}')" \
  --from-literal=controlPlaneTaint=node-role.kubernetes.io/master \
  --from-literal=apiServiceIP="$(kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}')"
