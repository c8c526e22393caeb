#!/usr/bin/env bash
# Correct alternative: the ReplicaSet created from JSON with `kubectl create`, the Pod deleted at
# once (--grace-period=0 --force), and the scale done the way `kubectl edit` does it: the object
# read, spec.replicas changed, the whole object replaced (same ReplicaSet, same uid).
set -euo pipefail
ns=lab-06
kubectl create -n $ns -f - <<'JSON'
{
  "apiVersion": "apps/v1",
  "kind": "ReplicaSet",
  "metadata": { "name": "cache" },
  "spec": {
    "replicas": 3,
    "selector": { "matchLabels": { "app": "cache" } },
    "template": {
      "metadata": { "labels": { "app": "cache" } },
      "spec": { "containers": [ { "name": "cache", "image": "registry.k8s.io/pause:3.10", "imagePullPolicy": "IfNotPresent" } ] }
    }
  }
}
JSON
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
pod=$(kubectl get pods -n $ns -l app=cache -o name | grep -v -x -e pod/cache-a -e pod/cache-b | sed -n 1p)
kubectl delete -n $ns "$pod" --grace-period=0 --force
kubectl wait -n $ns rs/cache --for=jsonpath='{.status.readyReplicas}'=3 --timeout=60s
kubectl get rs cache -n $ns -o json | sed 's/"replicas": 3,/"replicas": 2,/' | kubectl replace -f -
