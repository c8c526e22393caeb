#!/usr/bin/env bash
# fails: every-node/in-place
# Near miss: the edited manifest put back with kubectl replace --force — that deletes log-agent and creates a new DaemonSet instead of fixing the existing one.
set -euo pipefail
ns=lab-09
kubectl get daemonset log-agent -n $ns -o yaml \
  | sed -e 's#node-role.kubernetes.io/master#node-role.kubernetes.io/control-plane#' -e 's#/var/lib/docker/containers#/var/log/pods#' \
  | kubectl replace --force -f -
kubectl rollout status daemonset/log-agent -n $ns --timeout=120s
