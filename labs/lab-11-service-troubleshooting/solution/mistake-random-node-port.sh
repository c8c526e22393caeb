#!/usr/bin/env bash
# fails: node-port/node-port-30080
# Near miss: only the type is changed to NodePort — the cluster picks a random node port instead of 30080.
set -euo pipefail
ns=lab-11
kubectl patch service api -n $ns --type=merge -p '{"spec":{"selector":{"app":"api"}}}'
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80}]'
kubectl patch service api -n $ns -p '{"spec":{"type":"NodePort"}}'
kubectl create job smoke -n $ns --image=busybox:1.36 -- wget -qO- -T 5 http://api
