#!/usr/bin/env bash
# fails: image-updated/change-cause
# Near miss: the change-cause written into the Pod template's annotations — rollout history reads the ReplicaSet's own annotations and shows <none>.
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
kubectl patch deployment web -n $ns -p '{"spec":{"template":{"metadata":{"annotations":{"kubernetes.io/change-cause":"nginx 1.27, the new stable release"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}'
kubectl rollout status deployment/web -n $ns --timeout=120s
# rolled-back
kubectl set image deployment/web web=nginx:1.27-nope -n $ns
observed # on real nodes the rollout stalls here: the image cannot be pulled
kubectl rollout undo deployment/web -n $ns
kubectl rollout status deployment/web -n $ns --timeout=120s
