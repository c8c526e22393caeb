#!/usr/bin/env bash
# fails: selector-fixed/port-name-http
# Near miss: the ports list is rewritten in one JSON patch without a name — it works, but the port is no longer named http.
set -euo pipefail
ns=lab-11
kubectl patch service api -n $ns --type=merge -p '{"spec":{"selector":{"app":"api"}}}'
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/type","value":"NodePort"},{"op":"replace","path":"/spec/ports","value":[{"port":80,"targetPort":80,"nodePort":30080,"protocol":"TCP"}]}]'
kubectl create job smoke -n $ns --image=busybox:1.36 -- wget -qO- -T 5 http://api
