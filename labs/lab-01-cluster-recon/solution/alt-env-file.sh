#!/usr/bin/env bash
# An alternative: the facts read by eye from `kubectl get nodes -o wide` and friends, written to an
# env file and loaded in one go (--from-env-file), values taken from the cluster here by jsonpath.
set -euo pipefail
ns=lab-01
env=$(mktemp)
trap 'rm -f "$env"' EXIT
{
  echo "nodeCount=$(kubectl get nodes --no-headers | wc -l | tr -d ' ')"
  echo "controlPlaneNode=$(kubectl get nodes -o jsonpath='{.items[?(@.spec.taints[0].key=="node-role.kubernetes.io/control-plane")].metadata.name}')"
  echo "kubeletVersion=$(kubectl get node wheelhouse-worker2 -o jsonpath='{.status.nodeInfo.kubeletVersion}')"
  echo "containerRuntime=$(kubectl get node wheelhouse-worker2 -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}')"
  echo "controlPlaneTaint=$(kubectl get node wheelhouse-control-plane -o jsonpath='{.spec.taints[*].key}')"
  echo "apiServiceIP=$(kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}')"
} >"$env"
kubectl create configmap cluster-facts -n $ns --from-env-file="$env"
