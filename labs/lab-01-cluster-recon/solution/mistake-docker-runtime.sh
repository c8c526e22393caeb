#!/usr/bin/env bash
# fails: runtime/container-runtime
# Near miss: a Docker runtime from an old tutorial (dockershim was removed in 1.24) instead of what
# this cluster's workers report.
set -euo pipefail
ns=lab-01
kubectl create configmap cluster-facts -n $ns \
  --from-literal=nodeCount="$(kubectl get nodes --no-headers | wc -l)" \
  --from-literal=controlPlaneNode=wheelhouse-control-plane \
  --from-literal=kubeletVersion="$(kubectl get nodes -o jsonpath='{.items[0].status.nodeInfo.kubeletVersion}')" \
  --from-literal=containerRuntime=docker://24.0.7 \
  --from-literal=controlPlaneTaint=node-role.kubernetes.io/control-plane \
  --from-literal=apiServiceIP="$(kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}')"
