#!/usr/bin/env bash
# fails: no-automount/service-account
# Near miss: automountServiceAccountToken: false is set in a Pod template (the Deployment web), not on the ServiceAccount ci-bot.
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

# node-reader
kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes
kubectl create clusterrolebinding ci-bot-node-reader --clusterrole=node-reader --serviceaccount=$ns:ci-bot
kubectl label clusterrole/node-reader clusterrolebinding/ci-bot-node-reader wheelhouse.dev/lab=lab-17

# no-automount, in the wrong place
kubectl patch deployment web -n $ns -p '{"spec":{"template":{"spec":{"automountServiceAccountToken":false}}}}'
