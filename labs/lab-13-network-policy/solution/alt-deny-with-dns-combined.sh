#!/usr/bin/env bash
# Alternative: the default deny and the DNS allowance in one policy; peers written with an explicit
# namespaceSelector for lab-13 in the same item (the same as the namespace's own Pods); the ports as
# one-port ranges (port with endPort); protocol left out where it defaults to TCP; applied one at a time.
set -euo pipefail
ns=lab-13
kubectl apply -n $ns -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: baseline
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - port: 53
          protocol: UDP
        - port: 53
YAML
kubectl apply -n $ns -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-to-api
spec:
  podSelector:
    matchLabels:
      tier: frontend
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: lab-13
          podSelector:
            matchLabels:
              tier: backend
      ports:
        - port: 8080
          endPort: 8080
YAML
kubectl apply -n $ns -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-from-web
spec:
  podSelector:
    matchLabels:
      tier: backend
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: lab-13
          podSelector:
            matchLabels:
              tier: frontend
      ports:
        - port: 8080
YAML
kubectl apply -n $ns -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-to-db
spec:
  podSelector:
    matchLabels:
      tier: backend
  egress:
    - to:
        - podSelector:
            matchLabels:
              tier: database
      ports:
        - port: 5432
          endPort: 5432
          protocol: TCP
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-from-api
spec:
  podSelector:
    matchLabels:
      tier: database
  ingress:
    - from:
        - podSelector:
            matchLabels:
              tier: backend
      ports:
        - port: 5432
YAML
