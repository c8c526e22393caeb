#!/usr/bin/env bash
# fails: selector-fixed/in-place, selector-fixed/port-name-http
# Near miss: delete the broken Service and let `kubectl expose` make a new one. It works, but it
# is not the Service it replaced, and its port has lost the name "http" that clients refer to.
set -euo pipefail
ns=lab-11
kubectl delete svc api -n $ns
kubectl expose deployment api --name=api --type=NodePort --port=80 -n $ns
kubectl patch svc api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/nodePort","value":30080}]'
kubectl create job smoke --image=busybox:1.36 -n $ns -- wget -qO- -T 5 http://api
