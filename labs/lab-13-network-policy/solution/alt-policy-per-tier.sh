#!/usr/bin/env bash
# Alternative: one policy per tier holding both its ingress and its egress, set-based selectors
# (matchExpressions), the backend's port by its name http, the database's by postgres; kube-system
# picked with matchExpressions on kubernetes.io/metadata.name, and the DNS ports by CoreDNS's names for
# them (dns over UDP, dns-tcp over TCP).
set -euo pipefail
ns=lab-13
kubectl apply -n $ns -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: dns
spec:
  podSelector: {}
  egress:
    - to:
        - namespaceSelector:
            matchExpressions:
              - key: kubernetes.io/metadata.name
                operator: In
                values: [kube-system]
          podSelector:
            matchExpressions:
              - key: k8s-app
                operator: In
                values: [kube-dns]
      ports:
        - port: dns
          protocol: UDP
        - port: dns-tcp
          protocol: TCP
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: frontend
spec:
  podSelector:
    matchExpressions:
      - key: tier
        operator: In
        values: [frontend]
  policyTypes: [Egress]
  egress:
    - to:
        - podSelector:
            matchExpressions:
              - key: tier
                operator: In
                values: [backend]
      ports:
        - port: http
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backend
spec:
  podSelector:
    matchExpressions:
      - key: tier
        operator: In
        values: [backend]
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector:
            matchExpressions:
              - key: tier
                operator: In
                values: [frontend]
      ports:
        - port: http
  egress:
    - to:
        - podSelector:
            matchExpressions:
              - key: tier
                operator: In
                values: [database]
      ports:
        - port: postgres
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: database
spec:
  podSelector:
    matchExpressions:
      - key: tier
        operator: In
        values: [database]
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchExpressions:
              - key: tier
                operator: In
                values: [backend]
      ports:
        - port: postgres
YAML
