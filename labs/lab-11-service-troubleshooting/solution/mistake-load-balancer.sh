#!/usr/bin/env bash
# fails: node-port/type-nodeport
# Near miss: type LoadBalancer with nodePort 30080 — it opens the node port too, but the task asks for type NodePort.
set -euo pipefail
ns=lab-11
kubectl patch service api -n $ns --type=merge -p '{"spec":{"selector":{"app":"api"}}}'
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80},{"op":"replace","path":"/spec/type","value":"LoadBalancer"},{"op":"add","path":"/spec/ports/0/nodePort","value":30080}]'
kubectl create job smoke -n $ns --image=busybox:1.36 -- wget -qO- -T 5 http://api
