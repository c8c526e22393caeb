#!/usr/bin/env bash
# Alternative: everything as manifests in one apply — one rule per verb group (the Deployment verbs
# in two rules), labels written in the manifests, the ServiceAccount re-applied with the field set.
set -euo pipefail
kubectl apply -f - <<'YAML'
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: deployer
  namespace: lab-17
  labels:
    wheelhouse.dev/lab: lab-17
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["list", "get", "watch"]
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["create", "patch", "update"]
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["watch", "list", "get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ci-bot-deployer
  namespace: lab-17
  labels:
    wheelhouse.dev/lab: lab-17
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: deployer
subjects:
  - kind: ServiceAccount
    name: ci-bot
    namespace: lab-17
---
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
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ci-bot
  namespace: lab-17
  labels:
    wheelhouse.dev/lab: lab-17
automountServiceAccountToken: false
YAML
