#!/usr/bin/env bash
# Reference solution: the commands a learner types, in order.
set -euo pipefail
ns=lab-07

# web-scaled
kubectl scale deployment/web --replicas=5 -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s

# rollout-strategy
kubectl patch deployment/web -n $ns -p '{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'

# image-updated: change the image, then say why (the annotation is copied to the new revision)
kubectl set image deployment/web web=nginx:1.27 -n $ns
kubectl annotate deployment/web kubernetes.io/change-cause="update to nginx 1.27" --overwrite -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s

# rolled-back: a tag that does not exist stalls the rollout (on a real cluster); undo it
kubectl set image deployment/web web=nginx:1.27-nope -n $ns
kubectl annotate deployment/web kubernetes.io/change-cause="try nginx 1.27-nope" --overwrite -n $ns
kubectl rollout status deployment/web -n $ns --timeout=10s || true
kubectl rollout undo deployment/web -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl rollout history deployment/web -n $ns
