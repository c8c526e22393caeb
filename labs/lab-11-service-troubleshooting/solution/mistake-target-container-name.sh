#!/usr/bin/env bash
# fails: port-fixed/target-listens
# Near miss: targetPort set to the name api — the container's name, not the name of its port (http) — so it resolves to nothing.
set -euo pipefail
ns=lab-11
kubectl patch service api -n $ns --type=merge -p '{"spec":{"selector":{"app":"api"}}}'
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":"api"},{"op":"replace","path":"/spec/type","value":"NodePort"},{"op":"add","path":"/spec/ports/0/nodePort","value":30080}]'
kubectl create job smoke -n $ns --image=busybox:1.36 -- wget -qO- -T 5 http://api
