#!/usr/bin/env bash
# fails: ingress-routes/prefix
# Near miss: --rule="shop.example.com/api=api:8080" without the trailing * makes /api an Exact match — /api/cart falls through to web.
set -euo pipefail
ns=lab-12
tmp=$(mktemp -d)
kubectl create ingress shop -n $ns --class=contour --rule="shop.example.com/api=api:8080" --rule="shop.example.com/*=web:80"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout "$tmp/tls.key" -out "$tmp/tls.crt" -subj "/CN=shop.example.com" -addext "subjectAltName=DNS:shop.example.com" 2>/dev/null
kubectl create secret tls shop-tls -n $ns --cert="$tmp/tls.crt" --key="$tmp/tls.key"
kubectl patch ingress shop -n $ns --type=merge -p '{"spec":{"tls":[{"hosts":["shop.example.com"],"secretName":"shop-tls"}]}}'
kubectl create job smoke -n $ns --image=curlimages/curl:8.11.1 -- sh -c 'curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/api/cart && curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/'
