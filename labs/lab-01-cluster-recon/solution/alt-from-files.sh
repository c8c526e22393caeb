#!/usr/bin/env bash
# An alternative: each answer saved to a file named after its key and loaded with --from-file, the
# way `cmd > nodeCount` comes naturally; the values end with the newline the commands print.
set -euo pipefail
ns=lab-01
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
kubectl get nodes --no-headers | wc -l >"$dir/nodeCount"
kubectl get nodes -l node-role.kubernetes.io/control-plane -o custom-columns=NAME:.metadata.name --no-headers >"$dir/controlPlaneNode"
kubectl get node wheelhouse-worker -o custom-columns=V:.status.nodeInfo.kubeletVersion --no-headers >"$dir/kubeletVersion"
kubectl get node wheelhouse-worker -o custom-columns=R:.status.nodeInfo.containerRuntimeVersion --no-headers >"$dir/containerRuntime"
kubectl get node wheelhouse-control-plane -o jsonpath='{.spec.taints[0].key}{"\n"}' >"$dir/controlPlaneTaint"
kubectl get service kubernetes -n default -o jsonpath='{.spec.clusterIP}{"\n"}' >"$dir/apiServiceIP"
kubectl create configmap cluster-facts -n $ns --from-file="$dir"
