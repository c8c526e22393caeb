#!/usr/bin/env bash
# Correct alternative, the way `kubectl edit` works: the DaemonSet read, the old key and the old
# path rewritten in the text, the object replaced (no --force: the same DaemonSet, updated).
set -euo pipefail
ns=lab-09
kubectl get daemonset log-agent -n $ns -o yaml \
  | sed -e 's#node-role.kubernetes.io/master#node-role.kubernetes.io/control-plane#' -e 's#/var/lib/docker/containers#/var/log/pods#' \
  | kubectl replace -f -
kubectl rollout status daemonset/log-agent -n $ns --timeout=120s
