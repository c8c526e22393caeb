#!/usr/bin/env bash
# Reference solution: one default deny for the namespace, one policy per tier that opens what the
# tier needs in each direction, and one policy that lets every Pod reach the cluster DNS.
set -euo pipefail
ns=lab-13

# Look first: the tiers' labels, and the ports the containers (not the Services) listen on.
kubectl get pods -n $ns --show-labels
kubectl get deploy -n $ns -o custom-columns='NAME:.metadata.name,PORT:.spec.template.spec.containers[*].ports[*].containerPort'
kubectl get svc -n $ns

kubectl apply -n $ns -f - <<'YAML'
# default-deny: every Pod, both directions, no rules
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
# dns-egress: every Pod may query kube-dns in kube-system, UDP and TCP 53 (one peer: AND)
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - protocol: UDP
          port: 53
        - protocol: TCP
          port: 53
---
# frontend-to-backend, egress side
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: frontend
spec:
  podSelector:
    matchLabels:
      tier: frontend
  policyTypes: [Egress]
  egress:
    - to:
        - podSelector:
            matchLabels:
              tier: backend
      ports:
        - protocol: TCP
          port: 8080
---
# frontend-to-backend, ingress side; backend-to-database, egress side
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backend
spec:
  podSelector:
    matchLabels:
      tier: backend
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              tier: frontend
      ports:
        - protocol: TCP
          port: 8080
  egress:
    - to:
        - podSelector:
            matchLabels:
              tier: database
      ports:
        - protocol: TCP
          port: 5432
---
# backend-to-database, ingress side
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: database
spec:
  podSelector:
    matchLabels:
      tier: database
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              tier: backend
      ports:
        - protocol: TCP
          port: 5432
YAML
kubectl describe networkpolicy -n $ns
