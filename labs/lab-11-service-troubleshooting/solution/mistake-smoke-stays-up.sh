#!/usr/bin/env bash
# fails: smoke-test/completes
# Near miss: the Job fetches and then sleeps an hour (copied from a debugging Pod) — it never exits, so it never completes.
# graded on real nodes (kind tier)
set -euo pipefail
ns=lab-11
kubectl patch service api -n $ns --type=merge -p '{"spec":{"selector":{"app":"api"}}}'
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80},{"op":"replace","path":"/spec/type","value":"NodePort"},{"op":"add","path":"/spec/ports/0/nodePort","value":30080}]'
kubectl create job smoke -n $ns --image=busybox:1.36 -- sh -c 'wget -qO- -T 5 http://api; sleep 3600'
