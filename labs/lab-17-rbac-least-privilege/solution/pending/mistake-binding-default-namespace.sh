#!/usr/bin/env bash
# fails: role-bound/binding
# Near miss: `--serviceaccount=default:ci-bot` binds a ci-bot of the namespace default, which does not exist; the ci-bot of lab-17 gets nothing.
set -euo pipefail
ns=lab-17

# role-bound, bound to the wrong namespace's ci-bot
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
kubectl create rolebinding deployer -n $ns --role=deployer --serviceaccount=default:ci-bot

# node-reader
kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes
kubectl create clusterrolebinding ci-bot-node-reader --clusterrole=node-reader --serviceaccount=$ns:ci-bot
kubectl label clusterrole/node-reader clusterrolebinding/ci-bot-node-reader wheelhouse.dev/lab=lab-17

# no-automount
kubectl patch serviceaccount ci-bot -n $ns -p '{"automountServiceAccountToken": false}'
