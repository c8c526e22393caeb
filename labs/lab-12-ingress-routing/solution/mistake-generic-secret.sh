#!/usr/bin/env bash
# fails: tls-secret
# Near miss: the certificate and key are right, but stored with `create secret generic`. The keys
# are even named tls.crt and tls.key, yet the Secret's type is Opaque, not kubernetes.io/tls.
set -euo pipefail
ns=lab-12
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout "$tmp/tls.key" -out "$tmp/tls.crt" \
  -subj "/CN=shop.example.com" -addext "subjectAltName=DNS:shop.example.com" 2>/dev/null
kubectl create secret generic shop-tls -n $ns --from-file="$tmp/tls.crt" --from-file="$tmp/tls.key"
kubectl create ingress shop -n $ns --class=contour \
  --rule="shop.example.com/api*=api:8080" \
  --rule="shop.example.com/*=web:80,tls=shop-tls"
