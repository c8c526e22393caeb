#!/usr/bin/env bash
# fails: selector-fixed/deployments-untouched
# Near miss: the selector tier=backend is made to fit by taking the label tier off the worker Deployment's Pods — the Deployments were to stay as they are.
set -euo pipefail
ns=lab-11
kubectl patch deployment worker -n $ns --type=json -p '[{"op":"remove","path":"/spec/template/metadata/labels/tier"}]'
kubectl rollout status deployment/worker -n $ns --timeout=60s
kubectl set selector service api -n $ns tier=backend
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80},{"op":"replace","path":"/spec/type","value":"NodePort"},{"op":"add","path":"/spec/ports/0/nodePort","value":30080}]'
kubectl create job smoke -n $ns --image=busybox:1.36 -- wget -qO- -T 5 http://api
