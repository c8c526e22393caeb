#!/usr/bin/env bash
# Alternative: the bindings name ci-bot by its user name, system:serviceaccount:lab-17:ci-bot (a
# User subject), which is exactly the identity the API server gives the service account; the labels
# added with --dry-run | kubectl label --local | apply, the ServiceAccount changed by a JSON patch.
set -euo pipefail
ns=lab-17
bot=system:serviceaccount:$ns:ci-bot

# role-bound: two imperative roles would overwrite each other, so one create and one patch
kubectl create role deployer -n $ns --verb=get,list,watch,create,update,patch --resource=deployments.apps
kubectl patch role deployer -n $ns --type=json -p '[{"op":"add","path":"/rules/-","value":{"apiGroups":[""],"resources":["pods"],"verbs":["get","list","watch"]}}]'
kubectl create rolebinding deployer-ci-bot -n $ns --role=deployer --user=$bot

# node-reader
kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes --dry-run=client -o yaml \
  | kubectl label --local -f - wheelhouse.dev/lab=lab-17 -o yaml \
  | kubectl apply -f -
kubectl create clusterrolebinding ci-bot-node-reader --clusterrole=node-reader --user=$bot --dry-run=client -o yaml \
  | kubectl label --local -f - wheelhouse.dev/lab=lab-17 -o yaml \
  | kubectl apply -f -

# no-automount
kubectl patch serviceaccount ci-bot -n $ns --type=json -p '[{"op":"add","path":"/automountServiceAccountToken","value":false}]'
