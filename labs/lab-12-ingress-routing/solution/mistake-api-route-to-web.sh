#!/usr/bin/env bash
# fails: ingress-routes/api-route
# Near miss: a second Ingress shop-api carries the /api rule, the Ingress shop itself sends everything to web — the task asks the Ingress shop to route /api to api.
set -euo pipefail
ns=lab-12
tmp=$(mktemp -d)
kubectl create ingress shop -n $ns --class=contour --rule="shop.example.com/*=web:80,tls=shop-tls"
kubectl create ingress shop-api -n $ns --class=contour --rule="shop.example.com/api*=api:8080,tls=shop-tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout "$tmp/tls.key" -out "$tmp/tls.crt" -subj "/CN=shop.example.com" -addext "subjectAltName=DNS:shop.example.com" 2>/dev/null
kubectl create secret tls shop-tls -n $ns --cert="$tmp/tls.crt" --key="$tmp/tls.key"
kubectl create job smoke -n $ns --image=curlimages/curl:8.11.1 -- sh -c 'curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/api/cart && curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/'
