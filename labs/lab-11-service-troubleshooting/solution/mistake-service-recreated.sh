#!/usr/bin/env bash
# fails: selector-fixed/in-place
# Near miss: the Service is deleted and created again with kubectl create service nodeport — right selector and ports, but not the Service that was to be fixed in place.
set -euo pipefail
ns=lab-11
kubectl delete service api -n $ns
kubectl create service nodeport api -n $ns --tcp=80:80 --node-port=30080
kubectl set selector service api -n $ns app=api
# kubectl create service names the port after the numbers; the learner renames it back to http
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/name","value":"http"}]'
kubectl create job smoke -n $ns --image=busybox:1.36 -- wget -qO- -T 5 http://api
