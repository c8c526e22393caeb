#!/usr/bin/env bash
# An alternative: every change as a patch (what `kubectl edit` sends): a merge patch for the label, a
# JSON-patch remove for temp, a merge patch for the annotation; the answer applied from YAML, names
# in another order.
set -euo pipefail
ns=lab-04
kubectl patch pod api-2 -n $ns --type merge -p '{"metadata":{"labels":{"env":"staging"}}}'
kubectl patch pod cache-1 -n $ns --type json -p '[{"op":"remove","path":"/metadata/labels/temp"}]'
kubectl patch pod web-1 -n $ns --type merge -p '{"metadata":{"annotations":{"owner":"team-web"}}}'
kubectl get pods -n $ns -l 'tier in (backend), env notin (prod)' --show-labels
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: answers
data:
  backendNotProd: cache-1 api-2
YAML
