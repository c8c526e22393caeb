#!/usr/bin/env bash
# fails: ingress-routes
# Near miss: the api backend names port 80, the port nginx listens on in the container. An Ingress
# backend names a port of the Service, and Service api listens on 8080: port 80 leads nowhere.
set -euo pipefail
ns=lab-12
kubectl create ingress shop -n $ns --class=contour \
  --rule="shop.example.com/api*=api:80" \
  --rule="shop.example.com/*=web:80,tls=shop-tls"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout "$tmp/k" -out "$tmp/c" \
  -subj "/CN=shop.example.com" -addext "subjectAltName=DNS:shop.example.com" 2>/dev/null
kubectl create secret tls shop-tls -n $ns --cert="$tmp/c" --key="$tmp/k"
