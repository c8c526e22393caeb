#!/usr/bin/env bash
# fails: role-bound/binding
# Near miss: the RoleBinding names the *user* ci-bot. A service account authenticates as
# system:serviceaccount:lab-17:ci-bot, so this binding grants the bot nothing.
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
kubectl create rolebinding ci-bot-deployer --role=deployer --user=ci-bot -n $ns
kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes
kubectl create clusterrolebinding ci-bot-node-reader --clusterrole=node-reader --serviceaccount=$ns:ci-bot
kubectl label clusterrole node-reader wheelhouse.dev/lab=lab-17
kubectl label clusterrolebinding ci-bot-node-reader wheelhouse.dev/lab=lab-17
kubectl patch serviceaccount ci-bot -n $ns -p '{"automountServiceAccountToken": false}'
