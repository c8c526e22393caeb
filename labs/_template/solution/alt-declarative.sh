#!/usr/bin/env bash
# An alternative solution (a different, equally correct path). Name others alt-SOMETHING.sh.
set -euo pipefail
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: lab-00
data:
  mode: demo
YAML
