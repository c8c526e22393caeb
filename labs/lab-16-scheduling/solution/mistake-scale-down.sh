#!/usr/bin/env bash
# fails: spread-scheduled
# Near miss: nothing is Pending any more because spread runs two replicas instead of three.
set -euo pipefail
ns=lab-16
kubectl scale deployment/spread -n $ns --replicas=2
kubectl rollout status deployment/spread -n $ns --timeout=60s
