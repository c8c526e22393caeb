#!/usr/bin/env bash
# fails: rolled-back/bad-rs-empty
# Near miss: the rollout paused right after the undo "to look at it" and never resumed — the ReplicaSet of the bad image keeps its Pods.
set -euo pipefail
ns=lab-07
# Waits until the Deployment controller has seen the latest change (its new ReplicaSet exists).
observed() { kubectl wait deployment/web -n $ns --for=jsonpath='{.status.observedGeneration}'="$(kubectl get deployment web -n $ns -o jsonpath='{.metadata.generation}')" --timeout=60s; }
# web-scaled
kubectl scale deployment web --replicas=5 -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
# rollout-strategy
kubectl patch deployment web -n $ns -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'
# image-updated
kubectl set image deployment/web web=nginx:1.27 -n $ns
kubectl annotate deployment web -n $ns kubernetes.io/change-cause="nginx 1.27, the new stable release"
kubectl rollout status deployment/web -n $ns --timeout=120s
# rolled-back
kubectl set image deployment/web web=nginx:1.27-nope -n $ns
kubectl annotate deployment web -n $ns --overwrite kubernetes.io/change-cause="try nginx:1.27-nope"
observed
# watches it for a while (simulated nodes finish it; on real nodes it stalls: the image cannot be pulled)
kubectl rollout status deployment/web -n $ns --timeout=20s || true
# "careful this time": a new Pod must stay ready 30 s before an old one goes, so the undo is still
# under way when the pause comes
kubectl patch deployment web -n $ns -p '{"spec":{"minReadySeconds":30}}'
kubectl rollout undo deployment/web -n $ns && kubectl rollout pause deployment/web -n $ns
