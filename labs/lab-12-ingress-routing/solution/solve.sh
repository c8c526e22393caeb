#!/usr/bin/env bash
# Reference solution: look at what is there, route with `kubectl create ingress`, make a
# self-signed certificate with openssl, store it with `kubectl create secret tls`, add TLS to the
# Ingress, and send two requests through the controller from a Job.
set -euo pipefail
ns=lab-12

# What there is: the class to use, and the Services' own ports (api listens on 8080).
kubectl get ingressclass
kubectl get svc -n $ns

# ingress-routes: a trailing * makes a Prefix path; without it the path would be Exact.
kubectl create ingress shop -n $ns --class=contour \
  --rule="shop.example.com/api*=api:8080" \
  --rule="shop.example.com/*=web:80"

# tls-secret: certificate and key for shop.example.com, in a scratch folder.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 30 \
  -keyout "$tmp/shop.key" -out "$tmp/shop.crt" \
  -subj "/CN=shop.example.com" -addext "subjectAltName=DNS:shop.example.com" 2>/dev/null
kubectl create secret tls shop-tls -n $ns --cert="$tmp/shop.crt" --key="$tmp/shop.key"

# ingress-tls
kubectl patch ingress shop -n $ns --type=merge \
  -p '{"spec":{"tls":[{"hosts":["shop.example.com"],"secretName":"shop-tls"}]}}'
kubectl describe ingress shop -n $ns

# smoke-test: ask Envoy for shop.example.com; -f fails the Job on a 404 from the wrong back end.
kubectl create job smoke -n $ns --image=curlimages/curl:8.11.1 -- sh -c \
  'curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/api/cart && curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/ >/dev/null && echo both routes answer'
kubectl wait job/smoke -n $ns --for=condition=complete --timeout=90s
kubectl logs job/smoke -n $ns || true
