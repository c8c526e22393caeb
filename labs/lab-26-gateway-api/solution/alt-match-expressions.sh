#!/usr/bin/env bash
# Correct alternative: routes allowed by a matchExpressions selector on the namespace's name (In
# [lab-26]: only lab-26, ever); the header rule and the split each with an explicit PathPrefix /;
# weights 45 and 5; the route made first and the Gateway after it; /old matched as a prefix.
set -euo pipefail

cat <<'YAML' | kubectl apply -f -
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: app
  namespace: lab-26
spec:
  parentRefs:
    - name: web-gw
      sectionName: http
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /
          headers:
            - name: x-canary
              value: "true"
      backendRefs:
        - name: app-v2
          port: 8080
    - matches:
        - path:
            type: PathPrefix
            value: /
      backendRefs:
        - name: app-v1
          port: 8080
          weight: 45
        - name: app-v2
          port: 8080
          weight: 5
    - matches:
        - path:
            type: PathPrefix
            value: /old
      filters:
        - type: RequestRedirect
          requestRedirect:
            path:
              type: ReplacePrefixMatch
              replacePrefixMatch: /
            statusCode: 301
YAML

cat <<'YAML' | kubectl apply -f -
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web-gw
  namespace: lab-26
spec:
  gatewayClassName: nginx
  listeners:
    - name: http
      port: 80
      protocol: HTTP
      allowedRoutes:
        kinds:
          - kind: HTTPRoute
        namespaces:
          from: Selector
          selector:
            matchExpressions:
              - key: kubernetes.io/metadata.name
                operator: In
                values: [lab-26]
YAML
