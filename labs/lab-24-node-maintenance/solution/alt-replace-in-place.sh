#!/usr/bin/env bash
# Correct alternative: the budget fetched, edited with sed and replaced (kubectl replace keeps the
# object: same uid); the drain given a grace period of its own.
set -euo pipefail
ns=lab-24

# The disruption controller writes the budget's status now and then: a replace of a copy read just
# before is refused with a Conflict ("the object has been modified"), so read it again and retry.
replaced=
for _ in 1 2 3 4 5; do
  if kubectl get pdb web-pdb -n $ns -o yaml | sed 's/minAvailable: 4/maxUnavailable: 1/' | kubectl replace -f -; then replaced=1; break; fi
  sleep 1
done
[ -n "$replaced" ]
kubectl drain wheelhouse-worker2 --ignore-daemonsets --delete-emptydir-data --grace-period=5 --timeout=120s
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl get pods -n $ns -o wide
