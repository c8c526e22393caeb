#!/usr/bin/env bash
# fails: smoke-test/job-smoke
# Near miss: kubectl run smoke --restart=Never makes a bare Pod, not a Job.
# graded on real nodes (kind tier)
set -euo pipefail
ns=lab-11
kubectl patch service api -n $ns --type=merge -p '{"spec":{"selector":{"app":"api"}}}'
kubectl patch service api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80},{"op":"replace","path":"/spec/type","value":"NodePort"},{"op":"add","path":"/spec/ports/0/nodePort","value":30080}]'
kubectl run smoke -n $ns --image=busybox:1.36 --restart=Never -- wget -qO- -T 5 http://api
