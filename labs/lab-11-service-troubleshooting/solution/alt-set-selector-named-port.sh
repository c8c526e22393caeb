#!/usr/bin/env bash
# Alternative: imperative — kubectl set selector, targetPort given as the container port's name, and
# one merge patch for the type and node port (the ports list of a merge patch replaces the whole list).
set -euo pipefail
ns=lab-11
kubectl set selector service api -n $ns app=api
kubectl patch service api -n $ns --type=merge -p '{"spec":{"type":"NodePort","ports":[{"name":"http","port":80,"targetPort":"http","nodePort":30080}]}}'
kubectl create job smoke -n $ns --image=busybox:1.36 -- wget -qO- -T 5 http://api
