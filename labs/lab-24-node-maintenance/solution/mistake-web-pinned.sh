#!/usr/bin/env bash
# fails: web-available/template-unchanged
# Near miss: instead of draining, the node cordoned and web's template pinned to wheelhouse-worker — the Pods move, but web is changed for good.
set -euo pipefail
ns=lab-24

kubectl patch pdb web-pdb -n $ns --type=merge -p '{"spec":{"minAvailable":null,"maxUnavailable":1}}'
kubectl cordon wheelhouse-worker2
kubectl patch deployment web -n $ns --type=merge -p '{"spec":{"template":{"spec":{"nodeSelector":{"kubernetes.io/hostname":"wheelhouse-worker"}}}}}'
kubectl rollout status deployment/web -n $ns --timeout=120s
