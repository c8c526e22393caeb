#!/usr/bin/env bash
# fails: node-reader/labelled
# Near miss: the ClusterRole is labelled, the ClusterRoleBinding is not — `lab reset` would leave the binding behind.
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

# node-reader, the binding without the lab's label
kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes
kubectl label clusterrole node-reader wheelhouse.dev/lab=lab-17
# (Not what a learner types: an owner reference to the labelled ClusterRole lets the garbage collector
# remove this unlabelled binding when the test's reset deletes the role. A learner's would stay.)
uid=$(kubectl get clusterrole node-reader -o jsonpath='{.metadata.uid}')
kubectl apply -f - <<YAML
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-bot-node-reader
  ownerReferences:
    - apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      name: node-reader
      uid: $uid
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: node-reader
subjects:
  - kind: ServiceAccount
    name: ci-bot
    namespace: $ns
YAML

# no-automount
kubectl patch serviceaccount ci-bot -n $ns -p '{"automountServiceAccountToken": false}'
