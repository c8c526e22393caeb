#!/usr/bin/env bash
# fails: route-attached/parent
# Near miss: parentRefs copied from a shared-Gateway example names a namespace. There is no
# web-gw in default, so the route attaches to nothing and no request ever reaches it.
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
      namespace: default
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
            statusCode: 301
    - backendRefs:
        - name: app-v1
          port: 8080
          weight: 90
        - name: app-v2
          port: 8080
          weight: 10
YAML
