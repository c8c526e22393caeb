#!/usr/bin/env bash
# Alternative: declarative — one YAML Ingress with the TLS inline, the host's two paths as two rule items (web first),
# /api/ with a trailing slash (the same Prefix match), ports by the Services' port name http; an ECDSA P-256 key and a
# certificate naming www.shop.example.com too; the Job in YAML.
set -euo pipefail
ns=lab-12
tmp=$(mktemp -d)
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 90 -keyout "$tmp/shop.key" -out "$tmp/shop.crt" \
  -subj "/O=Wheelhouse/CN=shop.example.com" -addext "subjectAltName=DNS:shop.example.com,DNS:www.shop.example.com" 2>/dev/null
kubectl create secret tls shop-tls -n $ns --cert="$tmp/shop.crt" --key="$tmp/shop.key"
kubectl apply -n $ns -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  ingressClassName: contour
  tls:
    - hosts:
        - shop.example.com
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
    - host: shop.example.com
      http:
        paths:
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
            - -ec
            - |
              curl --fail --silent --show-error --insecure --connect-to shop.example.com:443:envoy.projectcontour.svc.cluster.local:443 https://shop.example.com/api/v1/items
              curl --fail --silent --show-error --insecure --connect-to shop.example.com:443:envoy.projectcontour.svc.cluster.local:443 https://shop.example.com/
YAML
