#!/usr/bin/env bash
# Alternative solution: the canary the way it is rolled out in practice. The route starts with all
# traffic on v1 (v2 at weight 0), then a JSON patch moves one part in ten to v2: weights 9 and 1.
# The listener is named and the route attaches to it by sectionName; the redirect matches the
# /old prefix and replaces it; the header rule names its match type.
set -euo pipefail
ns=lab-26

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
---
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
        - name: app-v1
          port: 8080
          weight: 1
        - name: app-v2
          port: 8080
          weight: 0
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
        - kind: Service
          name: app-v2
          port: 8080
YAML

# Start the canary: one request in ten to v2
kubectl patch httproute app -n $ns --type=json -p '[
  {"op": "replace", "path": "/spec/rules/0/backendRefs/0/weight", "value": 9},
  {"op": "replace", "path": "/spec/rules/0/backendRefs/1/weight", "value": 1}]'
kubectl get httproute app -n $ns -o yaml
