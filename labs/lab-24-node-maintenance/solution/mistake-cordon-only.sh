#!/usr/bin/env bash
# fails: node-drained/empty
# Near miss: the budget is fixed and the node cordoned, but cordon only stops new Pods: the two
# web Pods already on wheelhouse-worker2 keep running there.
set -euo pipefail
ns=lab-24
kubectl patch pdb web-pdb -n $ns --type=merge -p '{"spec":{"minAvailable":null,"maxUnavailable":1}}'
kubectl cordon wheelhouse-worker2
