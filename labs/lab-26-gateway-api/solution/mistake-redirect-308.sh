#!/usr/bin/env bash
# fails: redirect/permanent
# Near miss: 308 is also permanent, but the task asks for HTTP 301.
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
    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        namespaces:
          from: Same
YAML

kubectl apply -f - <<'YAML'
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: app
  namespace: lab-26
spec:
  parentRefs:
    - name: web-gw
  rules:
    - matches:
        - headers:
            - name: x-canary
              value: "true"
      backendRefs:
        - name: app-v2
          port: 8080
    - matches:
        - path:
            type: Exact
            value: /old
      filters:
        - type: RequestRedirect
          requestRedirect:
            path:
              type: ReplaceFullPath
              replaceFullPath: /
            statusCode: 308
    - backendRefs:
        - name: app-v1
          port: 8080
          weight: 9
        - name: app-v2
          port: 8080
          weight: 1
YAML
