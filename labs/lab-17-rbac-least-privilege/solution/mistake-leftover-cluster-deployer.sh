#!/usr/bin/env bash
# fails: least-privilege/other-namespaces
# Near miss: a first attempt (a ClusterRole deployer with a ClusterRoleBinding) is left behind after the Role was made — ci-bot can deploy in every namespace.
set -euo pipefail
ns=lab-17

# a first attempt, cluster-wide, never removed
kubectl create clusterrole deployer --verb=get,list,watch,create,update,patch --resource=deployments.apps
kubectl create clusterrolebinding ci-bot-deployer --clusterrole=deployer --serviceaccount=$ns:ci-bot
kubectl label clusterrole/deployer clusterrolebinding/ci-bot-deployer wheelhouse.dev/lab=lab-17

# role-bound
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
kubectl create rolebinding deployer -n $ns --role=deployer --serviceaccount=$ns:ci-bot

# node-reader
kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes
kubectl create clusterrolebinding ci-bot-node-reader --clusterrole=node-reader --serviceaccount=$ns:ci-bot
kubectl label clusterrole/node-reader clusterrolebinding/ci-bot-node-reader wheelhouse.dev/lab=lab-17

# no-automount
kubectl patch serviceaccount ci-bot -n $ns -p '{"automountServiceAccountToken": false}'
