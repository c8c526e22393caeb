#!/usr/bin/env bash
# An alternative: the ConfigMap made with the first task's two keys, then each later task "adds to
# cluster-facts" with a merge patch, as `kubectl edit` would; a note key the task does not ask for is harmless.
set -euo pipefail
ns=lab-01
cp=$(kubectl get nodes -l node-role.kubernetes.io/control-plane -o jsonpath='{.items[0].metadata.name}')
kubectl create configmap cluster-facts -n $ns \
  --from-literal=nodeCount="$(kubectl get nodes -o json | grep -c '"kind": "Node"')" \
  --from-literal=controlPlaneNode="$cp" --from-literal=note="found with kubectl get nodes"
worker=wheelhouse-worker
kubectl patch configmap cluster-facts -n $ns --type merge -p "{\"data\":{
  \"kubeletVersion\":\"$(kubectl get node $worker -o jsonpath='{.status.nodeInfo.kubeletVersion}')\",
  \"containerRuntime\":\"$(kubectl get node $worker -o jsonpath='{.status.nodeInfo.containerRuntimeVersion}')\"}}"
kubectl patch configmap cluster-facts -n $ns --type merge -p "{\"data\":{\"controlPlaneTaint\":\"$(kubectl get node "$cp" -o jsonpath='{.spec.taints[0].key}')\"}}"
kubectl patch configmap cluster-facts -n $ns --type json -p "[{\"op\":\"add\",\"path\":\"/data/apiServiceIP\",\"value\":\"$(kubectl get svc kubernetes -n default -o jsonpath='{.spec.clusterIP}')\"}]"
