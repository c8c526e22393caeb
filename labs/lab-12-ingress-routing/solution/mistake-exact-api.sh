#!/usr/bin/env bash
# fails: ingress-routes
# Near miss: the trailing * is forgotten on the /api rule, so kubectl makes it an Exact path.
# /api itself reaches api, but /api/cart is matched by the Prefix / and lands on web (404).
set -euo pipefail
ns=lab-12
kubectl create ingress shop -n $ns --class=contour \
  --rule="shop.example.com/api=api:8080" \
  --rule="shop.example.com/*=web:80,tls=shop-tls"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout "$tmp/k" -out "$tmp/c" \
  -subj "/CN=shop.example.com" -addext "subjectAltName=DNS:shop.example.com" 2>/dev/null
kubectl create secret tls shop-tls -n $ns --cert="$tmp/c" --key="$tmp/k"
