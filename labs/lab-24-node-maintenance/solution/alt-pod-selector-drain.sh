#!/usr/bin/env bash
# Correct alternative: the budget fixed with a JSON patch (remove minAvailable, add maxUnavailable,
# the selector written set-based: app In [web] means app=web),
# the node cordoned by hand, then only web's Pods drained with --pod-selector (the DaemonSet Pod is
# not selected, so --ignore-daemonsets is not needed).
set -euo pipefail
ns=lab-24

kubectl patch pdb web-pdb -n $ns --type=json -p '[
  {"op": "remove", "path": "/spec/minAvailable"},
  {"op": "add", "path": "/spec/maxUnavailable", "value": 1},
  {"op": "replace", "path": "/spec/selector", "value": {"matchExpressions": [{"key": "app", "operator": "In", "values": ["web"]}]}}
]'
kubectl cordon wheelhouse-worker2
kubectl drain wheelhouse-worker2 --pod-selector=app=web --delete-emptydir-data --timeout=120s
kubectl rollout status deployment/web -n $ns --timeout=120s
