#!/usr/bin/env bash
# fails: ingress-routes/host
# Near miss: the rules carry no host, so they answer for every host name, not for shop.example.com only.
set -euo pipefail
ns=lab-12
tmp=$(mktemp -d)
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
    - http:
        paths:
          - path: /api
            pathType: Prefix
            backend:
              service: { name: api, port: { number: 8080 } }
          - path: /
            pathType: Prefix
            backend:
              service: { name: web, port: { number: 80 } }
YAML
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout "$tmp/tls.key" -out "$tmp/tls.crt" -subj "/CN=shop.example.com" -addext "subjectAltName=DNS:shop.example.com" 2>/dev/null
kubectl create secret tls shop-tls -n $ns --cert="$tmp/tls.crt" --key="$tmp/tls.key"
kubectl create job smoke -n $ns --image=curlimages/curl:8.11.1 -- sh -c 'curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/api/cart && curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/'
