#!/usr/bin/env bash
# fails: least-privilege/nothing-else
# Near miss: `kubectl create role deployer --verb=get,list,watch,create,update,patch --resource=deployments.apps,pods` — one verb list for both, so ci-bot can also create, update and patch Pods.
set -euo pipefail
ns=lab-17

# role-bound, the same verbs for Pods as for Deployments
kubectl create role deployer -n $ns --verb=get,list,watch,create,update,patch --resource=deployments.apps,pods
kubectl create rolebinding deployer -n $ns --role=deployer --serviceaccount=$ns:ci-bot

# node-reader
kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes
kubectl create clusterrolebinding ci-bot-node-reader --clusterrole=node-reader --serviceaccount=$ns:ci-bot
kubectl label clusterrole/node-reader clusterrolebinding/ci-bot-node-reader wheelhouse.dev/lab=lab-17

# no-automount
kubectl patch serviceaccount ci-bot -n $ns -p '{"automountServiceAccountToken": false}'
