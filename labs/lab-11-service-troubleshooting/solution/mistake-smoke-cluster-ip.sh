#!/usr/bin/env bash
# fails: smoke-test/fetches-api
# Near miss: the Job fetches the Service's cluster IP, copied from kubectl get svc — it answers, but the task is to fetch it by its DNS name http://api.
# graded on real nodes (kind tier)
set -euo pipefail
ns=lab-11
kubectl patch service api -n $ns --type=merge -p '{"spec":{"selector":{"app":"api"}}}'
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80},{"op":"replace","path":"/spec/type","value":"NodePort"},{"op":"add","path":"/spec/ports/0/nodePort","value":30080}]'
ip=$(kubectl get service api -n $ns -o jsonpath='{.spec.clusterIP}')
kubectl create job smoke -n $ns --image=busybox:1.36 -- wget -qO- -T 5 "http://$ip"
