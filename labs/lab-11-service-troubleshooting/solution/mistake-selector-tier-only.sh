#!/usr/bin/env bash
# fails: selector-fixed/no-other-pod
# Near miss: the selector becomes tier=backend alone — it catches the api Pods, and the worker Pod too.
set -euo pipefail
ns=lab-11
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/selector","value":{"tier":"backend"}}]'
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80}]'
kubectl patch service api -n $ns --type=merge -p '{"spec":{"type":"NodePort","ports":[{"name":"http","port":80,"targetPort":80,"nodePort":30080}]}}'
kubectl create job smoke -n $ns --image=busybox:1.36 -- wget -qO- -T 5 http://api
