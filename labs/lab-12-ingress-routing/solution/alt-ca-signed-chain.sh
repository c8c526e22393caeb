#!/usr/bin/env bash
# Alternative: the certificate is signed by a small CA of the learner's own (as mkcert does) and the Secret holds
# the chain, leaf first; the Ingress is applied without TLS and the tls entry added with a JSON patch.
set -euo pipefail
ns=lab-12
tmp=$(mktemp -d)
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout "$tmp/ca.key" -out "$tmp/ca.crt" -subj "/CN=Wheelhouse test CA" 2>/dev/null
openssl req -new -newkey rsa:2048 -nodes -keyout "$tmp/tls.key" -out "$tmp/tls.csr" -subj "/CN=shop.example.com" 2>/dev/null
printf 'subjectAltName=DNS:shop.example.com\n' > "$tmp/san.ext"
openssl x509 -req -in "$tmp/tls.csr" -CA "$tmp/ca.crt" -CAkey "$tmp/ca.key" -CAcreateserial -days 30 -extfile "$tmp/san.ext" -out "$tmp/leaf.crt" 2>/dev/null
cat "$tmp/leaf.crt" "$tmp/ca.crt" > "$tmp/chain.crt"
kubectl create secret tls shop-tls -n $ns --cert="$tmp/chain.crt" --key="$tmp/tls.key"
kubectl apply -n $ns -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  ingressClassName: contour
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 8080
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
YAML
kubectl patch ingress shop -n $ns --type=json -p '[{"op":"add","path":"/spec/tls","value":[{"hosts":["shop.example.com"],"secretName":"shop-tls"}]}]'
kubectl create job smoke -n $ns --image=curlimages/curl:8.11.1 -- sh -c 'curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/api/v1/items && curl -fsSk --connect-to ::envoy.projectcontour:443 https://shop.example.com/'
