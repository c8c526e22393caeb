#!/usr/bin/env bash
# fails: port-fixed/port-80
# Near miss: port and targetPort are both rewritten, the Service now listens on 8080 and forwards to 80 — clients of http://api (port 80) get nothing.
set -euo pipefail
ns=lab-11
kubectl patch service api -n $ns --type=merge -p '{"spec":{"selector":{"app":"api"}}}'
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/port","value":8080},{"op":"replace","path":"/spec/ports/0/targetPort","value":80},{"op":"replace","path":"/spec/type","value":"NodePort"},{"op":"add","path":"/spec/ports/0/nodePort","value":30080}]'
kubectl create job smoke -n $ns --image=busybox:1.36 -- wget -qO- -T 5 http://api
