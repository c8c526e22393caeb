#!/usr/bin/env bash
# fails: port-fixed/container-untouched, port-fixed/target-listens
# Near miss: the selector is fixed, but instead of pointing the Service at port 80 the learner
# changes the container's declared port to 8080 "so they match". nginx still listens on 80:
# containerPort only documents the port, it does not move it.
set -euo pipefail
ns=lab-11
kubectl patch svc api -n $ns -p '{"spec":{"selector":{"app":"api"}}}'
kubectl patch deployment api -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/ports/0/containerPort","value":8080}]'
kubectl patch svc api -n $ns -p '{"spec":{"type":"NodePort","ports":[{"port":80,"nodePort":30080}]}}'
kubectl create job smoke --image=busybox:1.36 -n $ns -- wget -qO- -T 5 http://api
