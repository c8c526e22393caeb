#!/usr/bin/env bash
# fails: resize-policy
# Near miss: "restart to be safe" for both resources. Memory needs it here, but a CPU change would
# now restart a container that could have taken it in place.
set -euo pipefail
ns=lab-25
kubectl patch deployment web -n $ns -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","resizePolicy":[
  {"resourceName":"cpu","restartPolicy":"RestartContainer"},
  {"resourceName":"memory","restartPolicy":"RestartContainer"}]}]}}}}'
kubectl rollout status deployment/web -n $ns --timeout=120s
