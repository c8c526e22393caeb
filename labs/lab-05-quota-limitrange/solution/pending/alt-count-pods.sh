#!/usr/bin/env bash
# An alternative: Pods capped with the object-count form count/pods (at most 5 Pod objects), CPU
# requests with requests.cpu; the LimitRange applied from a file.
set -euo pipefail
ns=lab-05
kubectl create quota caps --hard=count/pods=5,requests.cpu=2 -n $ns
file=$(mktemp --suffix=.yaml)
trap 'rm -f "$file"' EXIT
cat >"$file" <<'YAML'
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: lab-05
spec:
  limits:
    - type: Container
      defaultRequest: {memory: 128Mi, cpu: 100m}
      default: {memory: 256Mi, cpu: 500m}
YAML
kubectl apply -f "$file"
kubectl wait resourcequota/caps -n $ns --for=jsonpath='{.status.hard.requests\.cpu}'=2 --timeout=30s
kubectl run plain --image=registry.k8s.io/pause:3.10 -n $ns
kubectl create deployment filler --image=registry.k8s.io/pause:3.10 --replicas=6 -n $ns
