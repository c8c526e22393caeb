#!/usr/bin/env bash
# Alternative: imperative — kubectl create ingress with tls= in each rule, /api/* (path /api/), ports by name;
# a 4096-bit RSA key and a certificate for *.example.com, which covers shop.example.com (one label).
set -euo pipefail
ns=lab-12
tmp=$(mktemp -d)
openssl req -x509 -newkey rsa:4096 -nodes -days 365 -keyout "$tmp/key.pem" -out "$tmp/cert.pem" -subj "/CN=*.example.com" -addext "subjectAltName=DNS:*.example.com" 2>/dev/null
kubectl create secret tls shop-tls -n $ns --cert="$tmp/cert.pem" --key="$tmp/key.pem"
kubectl create ingress shop -n $ns --class=contour \
  --rule="shop.example.com/api/*=api:http,tls=shop-tls" \
  --rule="shop.example.com/*=web:http,tls=shop-tls"
kubectl create job smoke -n $ns --image=curlimages/curl:8.11.1 -- sh -c 'for p in /api/cart /; do curl -fsSk --connect-to ::envoy.projectcontour:443 "https://shop.example.com$p" || exit 1; done'
