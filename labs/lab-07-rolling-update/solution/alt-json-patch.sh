#!/usr/bin/env bash
# Correct alternative, with patches only: replicas by a merge patch, the strategy by a JSON patch
# (maxUnavailable written "0%", the same as 0), the image and the change-cause in one patch, and
# the rollback named by its revision number (--to-revision=2, the nginx:1.27 revision).
set -euo pipefail
ns=lab-07
observed() { kubectl wait deployment/web -n $ns --for=jsonpath='{.status.observedGeneration}'="$(kubectl get deployment web -n $ns -o jsonpath='{.metadata.generation}')" --timeout=60s; }
kubectl patch deployment web -n $ns --type=merge -p '{"spec":{"replicas":5}}'
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl patch deployment web -n $ns --type=json -p '[
  {"op":"replace","path":"/spec/strategy/rollingUpdate/maxSurge","value":1},
  {"op":"replace","path":"/spec/strategy/rollingUpdate/maxUnavailable","value":"0%"}]'
kubectl patch deployment web -n $ns --type=merge -p '{
  "metadata":{"annotations":{"kubernetes.io/change-cause":"upgrade to nginx 1.27"}},
  "spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}'
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl patch deployment web -n $ns --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.27-nope"}]'
observed # on real nodes the rollout stalls here
kubectl rollout history deployment/web -n $ns
kubectl rollout undo deployment/web -n $ns --to-revision=2
kubectl rollout status deployment/web -n $ns --timeout=120s
