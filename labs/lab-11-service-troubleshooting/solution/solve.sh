#!/usr/bin/env bash
# Reference solution: follow Service → EndpointSlice → Pods, then fix the Service in place.
set -euo pipefail
ns=lab-11

# Look first: no endpoints, and a selector no Pod carries.
kubectl get svc api -o wide -n $ns
kubectl get endpointslices -l kubernetes.io/service-name=api -n $ns
kubectl get pods --show-labels -n $ns

# selector-fixed: the label the api Pods (and only they) carry
kubectl patch svc api -n $ns -p '{"spec":{"selector":{"app":"api"}}}'

# port-fixed: nginx listens on 80
kubectl patch svc api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80}]'

# node-port
kubectl patch svc api -n $ns -p '{"spec":{"type":"NodePort","ports":[{"port":80,"nodePort":30080}]}}'
kubectl get endpointslices -l kubernetes.io/service-name=api -n $ns

# smoke-test: fetch the page once from inside the cluster
kubectl create job smoke --image=busybox:1.36 -n $ns -- wget -qO- -T 5 http://api
kubectl wait job/smoke --for=condition=complete --timeout=60s -n $ns
kubectl logs job/smoke -n $ns --tail=3 || true
