#!/usr/bin/env bash
# Reference solution: a Role with two rules is easiest to write as YAML; the bindings are one command each.
set -euo pipefail
ns=lab-17
sa=system:serviceaccount:$ns:ci-bot

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
kubectl create rolebinding ci-bot-deployer --role=deployer --serviceaccount=$ns:ci-bot -n $ns
kubectl auth can-i create deployments --as=$sa -n $ns

# node-reader: cluster-wide, so a ClusterRole and a ClusterRoleBinding, labelled for lab reset
kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes
kubectl create clusterrolebinding ci-bot-node-reader --clusterrole=node-reader --serviceaccount=$ns:ci-bot
kubectl label clusterrole node-reader wheelhouse.dev/lab=lab-17
kubectl label clusterrolebinding ci-bot-node-reader wheelhouse.dev/lab=lab-17
kubectl auth can-i list nodes --as=$sa

# no-automount
kubectl patch serviceaccount ci-bot -n $ns -p '{"automountServiceAccountToken": false}'

# least-privilege: look at everything the bot may do
kubectl auth can-i --list --as=$sa -n $ns
kubectl auth can-i get secrets --as=$sa -n $ns || true
