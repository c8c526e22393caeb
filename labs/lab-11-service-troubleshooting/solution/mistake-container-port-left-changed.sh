#!/usr/bin/env bash
# fails: port-fixed/container-untouched
# Near miss: the learner first "fixed" the container (containerPort 80 → 8080), then fixed targetPort to 80 and never put the container back — the container was to stay as given.
set -euo pipefail
ns=lab-11
kubectl patch deployment api -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/ports/0/containerPort","value":8080}]'
kubectl rollout status deployment/api -n $ns --timeout=60s
kubectl patch service api -n $ns --type=merge -p '{"spec":{"selector":{"app":"api"}}}'
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80},{"op":"replace","path":"/spec/type","value":"NodePort"},{"op":"add","path":"/spec/ports/0/nodePort","value":30080}]'
kubectl create job smoke -n $ns --image=busybox:1.36 -- wget -qO- -T 5 http://api
