#!/usr/bin/env bash
# fails: route-attached/only-route
# Near miss: the redirect put in a second route app-redirect — the task asks for the rules in the one route app.
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

    - backendRefs:
        - name: app-v1
          port: 8080
          weight: 9
        - name: app-v2
          port: 8080
          weight: 1
YAML
kubectl apply -f - <<'YAML'
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: app-redirect
  namespace: lab-26
spec:
  parentRefs:
    - name: web-gw
  rules:
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
            statusCode: 301
YAML
