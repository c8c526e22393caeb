#!/usr/bin/env bash
# Reference solution: there are no `kubectl create` generators for Gateway API objects, so the
# Gateway and the route are written as YAML, then read back the way a learner would check them.
set -euo pipefail
ns=lab-26

# gateway: look up the class, then one HTTP listener on port 80 for routes of this namespace
kubectl get gatewayclass nginx
kubectl apply -n $ns -f - <<'YAML'
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
      allowedRoutes:
        namespaces:
          from: Same
YAML

# route-attached, canary-header, canary-split, redirect: one route, three rules.
# The Services listen on 8080 (their containers on 80): backendRefs name the Service port.
kubectl get services -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: app
spec:
  parentRefs:
    - name: web-gw
  rules:
    # Testers opt in to v2 with a header, on every path
    - matches:
        - headers:
            - name: x-canary
              value: "true"
      backendRefs:
        - name: app-v2
          port: 8080
    # An old URL answers with a permanent redirect
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
    # Everyone else: 90% v1, 10% v2
    - matches:
        - path:
            type: PathPrefix
            value: /
      backendRefs:
        - name: app-v1
          port: 8080
          weight: 90
        - name: app-v2
          port: 8080
          weight: 10
YAML

# gateway-programmed and route-accepted need the implementation (kind): its status shows there.
#   kubectl wait --for=condition=Programmed gateway/web-gw -n lab-26 --timeout=120s
#   kubectl run curl -n lab-26 --rm -it --image=curlimages/curl:8.11.1 --restart=Never -- \
#     sh -c 'for i in $(seq 50); do curl -s http://web-gw-nginx/; done | sort | uniq -c'
kubectl get gateway,httproute -n $ns
