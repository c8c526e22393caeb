#!/usr/bin/env bash
# fails: selector-fixed
# Near miss: the selector uses tier=backend, a label the worker Pod carries too, so the Service
# sends a third of its traffic to a Pod that does not serve HTTP.
set -euo pipefail
ns=lab-11
kubectl patch svc api -n $ns -p '{"spec":{"selector":{"app":null,"tier":"backend"}}}'
kubectl patch svc api -n $ns --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80}]'
kubectl patch svc api -n $ns -p '{"spec":{"type":"NodePort","ports":[{"port":80,"nodePort":30080}]}}'
