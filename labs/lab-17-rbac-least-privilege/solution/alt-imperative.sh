#!/usr/bin/env bash
# Alternative solution: commands only. `kubectl create role` writes one rule, so the Pod rule is
# added with a JSON patch; the cluster-wide objects get their label from a YAML apply instead.
set -euo pipefail
ns=lab-17
kubectl create role deployer --verb=get,list,watch,create,update,patch --resource=deployments.apps -n $ns
kubectl patch role deployer -n $ns --type=json \
  -p '[{"op":"add","path":"/rules/-","value":{"apiGroups":[""],"resources":["pods"],"verbs":["get","list","watch"]}}]'
kubectl create rolebinding deployer -n $ns --role=deployer --serviceaccount=$ns:ci-bot

kubectl apply -f - <<'YAML'
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: node-reader
  labels:
    wheelhouse.dev/lab: lab-17
rules:
  - apiGroups: [""]
    resources: ["nodes"]
    verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-bot-node-reader
  labels:
    wheelhouse.dev/lab: lab-17
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: node-reader
subjects:
  - kind: ServiceAccount
    name: ci-bot
    namespace: lab-17
YAML
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ci-bot
  labels:
    wheelhouse.dev/lab: lab-17
automountServiceAccountToken: false
YAML
