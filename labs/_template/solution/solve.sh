#!/usr/bin/env bash
# Reference solution: the commands a learner would type, in order, with plain `kubectl`.
# The test suite runs it with KUBECONFIG pointing at the test cluster, then expects every task to pass.
set -euo pipefail
ns=lab-00

# first-task
kubectl create configmap settings --from-literal=mode=demo -n $ns
