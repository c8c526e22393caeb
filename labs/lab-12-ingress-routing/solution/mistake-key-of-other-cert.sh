#!/usr/bin/env bash
# fails: tls-secret/key-matches
# Near miss: the certificate was made again (to add the SAN) but the Secret got the key of the first attempt — written as YAML, nothing checks that the pair belongs together.
set -euo pipefail
ns=lab-12
tmp=$(mktemp -d)
kubectl create ingress shop -n $ns --class=contour --rule="shop.example.com/api*=api:8080" --rule="shop.example.com/*=web:80"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout "$tmp/first.key" -out "$tmp/first.crt" -subj "/CN=shop.example.com" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout "$tmp/tls.key" -out "$tmp/tls.crt" -subj "/CN=shop.example.com" -addext "subjectAltName=DNS:shop.example.com" 2>/dev/null
kubectl apply -n $ns -f - <<YAML
apiVersion: v1
kind: Secret
metadata:
  name: shop-tls
type: kubernetes.io/tls
data:
  tls.crt: $(base64 -w0 "$tmp/tls.crt")
  tls.key: $(base64 -w0 "$tmp/first.key")
YAML
kubectl patch ingress shop -n $ns --type=merge -p '{"spec":{"tls":[{"hosts":["shop.example.com"],"secretName":"shop-tls"}]}}'
kubectl create job smoke -n $ns --image=curlimages/curl:8.11.1 -- sh -c 'curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/api/cart && curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/'
