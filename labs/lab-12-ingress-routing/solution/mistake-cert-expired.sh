#!/usr/bin/env bash
# fails: tls-secret/valid-now
# Near miss: an old certificate for shop.example.com, already expired, is reused (valid in January 2025 only).
set -euo pipefail
ns=lab-12
tmp=$(mktemp -d)
kubectl create ingress shop -n $ns --class=contour --rule="shop.example.com/api*=api:8080" --rule="shop.example.com/*=web:80"
# the certificate a colleague made last year, for the same name: valid January 2025 only
cat > "$tmp/ca.cnf" <<CNF
[ ca ]
default_ca = old
[ old ]
database = $tmp/index.txt
new_certs_dir = $tmp
serial = $tmp/serial
default_md = sha256
policy = any
copy_extensions = copy
[ any ]
commonName = supplied
CNF
touch "$tmp/index.txt"; echo 01 > "$tmp/serial"
openssl req -new -newkey rsa:2048 -nodes -keyout "$tmp/tls.key" -out "$tmp/tls.csr" -subj "/CN=shop.example.com" -addext "subjectAltName=DNS:shop.example.com" 2>/dev/null
openssl ca -batch -notext -config "$tmp/ca.cnf" -selfsign -keyfile "$tmp/tls.key" -in "$tmp/tls.csr" -startdate 20250101000000Z -enddate 20250201000000Z -out "$tmp/tls.crt" 2>/dev/null
kubectl create secret tls shop-tls -n $ns --cert="$tmp/tls.crt" --key="$tmp/tls.key"
kubectl patch ingress shop -n $ns --type=merge -p '{"spec":{"tls":[{"hosts":["shop.example.com"],"secretName":"shop-tls"}]}}'
kubectl create job smoke -n $ns --image=curlimages/curl:8.11.1 -- sh -c 'curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/api/cart && curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/'
