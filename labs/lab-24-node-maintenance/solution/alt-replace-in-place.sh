#!/usr/bin/env bash
# Correct alternative: the budget fetched, edited with sed and replaced (kubectl replace keeps the
# object: same uid); the drain given a grace period of its own.
set -euo pipefail
ns=lab-24

kubectl get pdb web-pdb -n $ns -o yaml | sed 's/minAvailable: 4/maxUnavailable: 1/' | kubectl replace -f -
kubectl drain wheelhouse-worker2 --ignore-daemonsets --delete-emptydir-data --grace-period=5 --timeout=120s
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl get pods -n $ns -o wide
