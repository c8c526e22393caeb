#!/usr/bin/env bash
# An alternative: each Pod picked by a selector that matches only it (env=dev is api-2 alone, temp is
# on cache-1 alone), and the answer saved to a file (ending in a newline) and loaded with --from-file.
set -euo pipefail
ns=lab-04
kubectl label pods -n $ns -l env=dev env=staging --overwrite
kubectl label pods -n $ns -l temp temp-
kubectl annotate pod/web-1 -n $ns owner=team-web
file=$(mktemp)
trap 'rm -f "$file"' EXIT
kubectl get pods -n $ns -l 'tier=backend,env notin (prod)' -o custom-columns=NAME:.metadata.name --no-headers | paste -sd' ' - >"$file"
kubectl create configmap answers -n $ns --from-file=backendNotProd="$file"
