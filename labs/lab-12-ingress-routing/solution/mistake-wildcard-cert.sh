#!/usr/bin/env bash
# fails: tls-secret
# Near miss: a wildcard certificate for *.shop.example.com. A wildcard stands for exactly one
# label, so it covers www.shop.example.com but not shop.example.com itself.
set -euo pipefail
ns=lab-12
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout "$tmp/k" -out "$tmp/c" \
  -subj "/CN=*.shop.example.com" -addext "subjectAltName=DNS:*.shop.example.com" 2>/dev/null
kubectl create secret tls shop-tls -n $ns --cert="$tmp/c" --key="$tmp/k"
kubectl create ingress shop -n $ns --class=contour \
  --rule="shop.example.com/api*=api:8080" \
  --rule="shop.example.com/*=web:80,tls=shop-tls"
