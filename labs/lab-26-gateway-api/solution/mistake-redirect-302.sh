#!/usr/bin/env bash
# fails: redirect/permanent
# Near miss: the redirect leaves out statusCode. The CRD fills in 302, a temporary redirect, so
# browsers and search engines keep asking for /old.
set -euo pipefail
kubectl apply -n lab-26 -f - <<'YAML'
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web-gw
spec:
  gatewayClassName: nginx
  listeners:
    - name: http
      protocol: HTTP
      port: 80
YAML

kubectl apply -n lab-26 -f - <<'YAML'
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: app
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
    - backendRefs:
        - name: app-v1
          port: 8080
          weight: 90
        - name: app-v2
          port: 8080
          weight: 10
YAML
