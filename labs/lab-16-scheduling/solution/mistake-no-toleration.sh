#!/usr/bin/env bash
# fails: gpu-pod
# Near miss: the node is labelled before it is tainted, so gpu-pod is scheduled in between and
# runs — but without a toleration it would never get back onto the node once recreated.
set -euo pipefail
ns=lab-16
kubectl label node wheelhouse-worker gpu=true
kubectl wait pod/gpu-pod -n $ns --for=condition=PodScheduled --timeout=60s
kubectl taint node wheelhouse-worker gpu=true:NoSchedule
