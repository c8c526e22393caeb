#!/usr/bin/env bash
# fails: role-bound/role
# Near miss: deployer is made a ClusterRole (bound by a RoleBinding in lab-17) — the same permissions, but the task asks for a Role in lab-17.
set -euo pipefail
ns=lab-17

# role-bound, a ClusterRole named deployer
kubectl create clusterrole deployer --verb=get,list,watch,create,update,patch --resource=deployments.apps
kubectl patch clusterrole deployer --type=json -p '[{"op":"add","path":"/rules/-","value":{"apiGroups":[""],"resources":["pods"],"verbs":["get","list","watch"]}}]'
kubectl label clusterrole deployer wheelhouse.dev/lab=lab-17
kubectl create rolebinding deployer -n $ns --clusterrole=deployer --serviceaccount=$ns:ci-bot

# node-reader
kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes
kubectl create clusterrolebinding ci-bot-node-reader --clusterrole=node-reader --serviceaccount=$ns:ci-bot
kubectl label clusterrole/node-reader clusterrolebinding/ci-bot-node-reader wheelhouse.dev/lab=lab-17

# no-automount
kubectl patch serviceaccount ci-bot -n $ns -p '{"automountServiceAccountToken": false}'
