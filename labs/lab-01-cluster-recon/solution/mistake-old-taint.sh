#!/usr/bin/env bash
# fails: taint, runtime
# Near miss: answers from an old tutorial — the "master" taint (gone since Kubernetes 1.25) and a
# Docker runtime (dockershim was removed in 1.24) — instead of what this cluster reports.
set -euo pipefail
ns=lab-01
kubectl create configmap cluster-facts -n $ns \
  --from-literal=nodeCount="$(kubectl get nodes --no-headers | wc -l)" \
  --from-literal=controlPlaneNode=wheelhouse-control-plane \
  --from-literal=kubeletVersion="$(kubectl get nodes -o jsonpath='{.items[0].status.nodeInfo.kubeletVersion}')" \
  --from-literal=containerRuntime=docker://24.0.7 \
  --from-literal=controlPlaneTaint=node-role.kubernetes.io/master \
  --from-literal=apiServiceIP="$(kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}')"
