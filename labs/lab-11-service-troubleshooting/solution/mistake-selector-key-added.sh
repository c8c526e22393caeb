#!/usr/bin/env bash
# fails: selector-fixed/selects-api-pods
# Near miss: a merge patch adds tier=backend to the selector but leaves app=api-server in it — the two keys together match no Pod.
set -euo pipefail
ns=lab-11
kubectl patch service api -n $ns -p '{"spec":{"selector":{"tier":"backend"}}}'
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80},{"op":"replace","path":"/spec/type","value":"NodePort"},{"op":"add","path":"/spec/ports/0/nodePort","value":30080}]'
kubectl create job smoke -n $ns --image=busybox:1.36 -- wget -qO- -T 5 http://api
