#!/usr/bin/env bash
# fails: least-privilege
# Near miss: "verbs: *" to save typing. The bot can now delete Pods and Deployments too.
set -euo pipefail
ns=lab-17
kubectl create role deployer --verb='*' --resource=deployments.apps,pods -n $ns
kubectl create rolebinding ci-bot-deployer --role=deployer --serviceaccount=$ns:ci-bot -n $ns
kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes
kubectl create clusterrolebinding ci-bot-node-reader --clusterrole=node-reader --serviceaccount=$ns:ci-bot
kubectl label clusterrole node-reader wheelhouse.dev/lab=lab-17
kubectl label clusterrolebinding ci-bot-node-reader wheelhouse.dev/lab=lab-17
kubectl patch serviceaccount ci-bot -n $ns -p '{"automountServiceAccountToken": false}'
