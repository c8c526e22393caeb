#!/usr/bin/env bash
# fails: canary-header/v2-only
# Near miss: the header rule's backendRef names the container's port 80. A route addresses the
# Service, which listens on 8080: the testers' backend does not resolve (ResolvedRefs False) and
# their requests fail; the split names 8080 and works.
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
          port: 80
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
