#!/usr/bin/env bash
# fails: first-task
# A near miss: the line above names the task it must fail (the test suite checks that it does,
# and that the other tasks do not fail because of it). Write at least two.
set -euo pipefail
kubectl create configmap settings --from-literal=mode=Demo -n lab-00
