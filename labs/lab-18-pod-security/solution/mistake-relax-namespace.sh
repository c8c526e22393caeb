#!/usr/bin/env bash
# fails: pods-created, restricted-fields
# Near miss: the namespace is relabelled to enforce "baseline", so the root Pods are admitted.
# The Pods exist, but the rule was bent instead of the workload fixed.
set -euo pipefail
ns=lab-18
kubectl label namespace $ns pod-security.kubernetes.io/enforce=baseline --overwrite
kubectl rollout restart deployment/legacy -n $ns
kubectl rollout status deployment/legacy -n $ns --timeout=120s
