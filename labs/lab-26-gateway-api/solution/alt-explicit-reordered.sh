#!/usr/bin/env bash
# Correct alternative: allowedRoutes left to its default (Same); every parentRef field spelled out;
# the rules in another order (precedence, not order, decides: the header rule has more matches),
# X-Canary in capitals, weights 90/10, and /old matched as a prefix and redirected with
# ReplacePrefixMatch.
set -euo pipefail

kubectl apply -f - <<'YAML'
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web-gw
  namespace: lab-26
spec:
  gatewayClassName: nginx
  listeners:
    - name: web
      protocol: HTTP
      port: 80
YAML

kubectl apply -f - <<'YAML'
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: app
  namespace: lab-26
spec:
  parentRefs:
    - group: gateway.networking.k8s.io
      kind: Gateway
      name: web-gw
      namespace: lab-26
      sectionName: web
  rules:
    - backendRefs:
        - kind: Service
          name: app-v1
          port: 8080
          weight: 90
        - kind: Service
          name: app-v2
          port: 8080
          weight: 10
    - matches:
        - path:
            type: PathPrefix
            value: /old
      filters:
        - type: RequestRedirect
          requestRedirect:
            statusCode: 301
            path:
              type: ReplacePrefixMatch
              replacePrefixMatch: /
    - matches:
        - headers:
            - type: Exact
              name: X-Canary
              value: "true"
      backendRefs:
        - name: app-v2
          port: 8080
YAML
