#!/usr/bin/env bash
# fails: least-privilege/no-node-writes
# Near miss: node-reader is given every verb on nodes (`--verb='*'`), so ci-bot can also patch, cordon and delete nodes.
set -euo pipefail
ns=lab-17

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

# node-reader, all verbs on nodes
kubectl create clusterrole node-reader --verb='*' --resource=nodes
kubectl create clusterrolebinding ci-bot-node-reader --clusterrole=node-reader --serviceaccount=$ns:ci-bot
kubectl label clusterrole/node-reader clusterrolebinding/ci-bot-node-reader wheelhouse.dev/lab=lab-17

# no-automount
kubectl patch serviceaccount ci-bot -n $ns -p '{"automountServiceAccountToken": false}'
