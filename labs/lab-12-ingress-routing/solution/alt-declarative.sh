#!/usr/bin/env bash
# Alternative solution: one manifest for everything. The certificate is an EC key this time, the
# backends name the Services' port by its name (http), and the smoke Job is written as YAML.
set -euo pipefail
ns=lab-12
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 90 \
  -keyout "$tmp/tls.key" -out "$tmp/tls.crt" \
  -subj "/O=Wheelhouse shop/CN=shop.example.com" -addext "subjectAltName=DNS:shop.example.com,DNS:www.shop.example.com" 2>/dev/null

# The Secret as YAML, generated client-side and applied.
kubectl create secret tls shop-tls -n $ns --cert="$tmp/tls.crt" --key="$tmp/tls.key" --dry-run=client -o yaml | kubectl apply -f -

kubectl apply -n $ns -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  ingressClassName: contour
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
          - path: /api/
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  name: http
---
apiVersion: batch/v1
kind: Job
metadata:
  name: smoke
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: curl
          image: curlimages/curl:8.11.1
          command:
            - sh
            - -c
            - |
              set -e
              for path in /api/v1/items /; do
                curl -fsSk -o /dev/null -w "$path %{http_code}\n" --connect-to ::envoy.projectcontour:443 "https://shop.example.com$path"
              done
YAML
kubectl wait job/smoke -n $ns --for=condition=complete --timeout=90s
