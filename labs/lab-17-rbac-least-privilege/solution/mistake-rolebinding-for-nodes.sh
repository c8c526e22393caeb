#!/usr/bin/env bash
# fails: node-reader/binding
# Near miss: the ClusterRole is bound with a RoleBinding. A RoleBinding grants only inside its
# namespace, and nodes live in none, so the bot still cannot list them.
set -euo pipefail
ns=lab-17
kubectl apply -n $ns -f - <<'YAML'
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: deployer
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "watch", "create", "update", "patch"]
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["get", "list", "watch"]
YAML
kubectl create rolebinding ci-bot-deployer --role=deployer --serviceaccount=$ns:ci-bot -n $ns
kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes
kubectl label clusterrole node-reader wheelhouse.dev/lab=lab-17
kubectl create rolebinding ci-bot-node-reader --clusterrole=node-reader --serviceaccount=$ns:ci-bot -n $ns
kubectl patch serviceaccount ci-bot -n $ns -p '{"automountServiceAccountToken": false}'
