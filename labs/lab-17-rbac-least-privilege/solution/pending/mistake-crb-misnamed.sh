#!/usr/bin/env bash
# fails: node-reader/binding
# Near miss: the ClusterRoleBinding is named node-reader-binding, not ci-bot-node-reader (it grants the right thing under the wrong name).
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

# node-reader, the binding under another name
kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes
kubectl create clusterrolebinding node-reader-binding --clusterrole=node-reader --serviceaccount=$ns:ci-bot
kubectl label clusterrole/node-reader clusterrolebinding/node-reader-binding wheelhouse.dev/lab=lab-17

# no-automount
kubectl patch serviceaccount ci-bot -n $ns -p '{"automountServiceAccountToken": false}'
