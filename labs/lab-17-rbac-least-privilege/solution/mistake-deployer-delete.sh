#!/usr/bin/env bash
# fails: least-privilege/no-delete
# Near miss: delete is added to the Deployment verbs ("CI replaces Deployments") — the task says ci-bot cannot delete them.
set -euo pipefail
ns=lab-17

# role-bound, with delete on Deployments
kubectl apply -n $ns -f - <<'YAML'
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: deployer
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
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
