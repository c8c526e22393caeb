#!/usr/bin/env bash
# fails: first-task/value
# A near miss: the line above names the task and the clause it breaks (the test suite checks that
# the task fails and that every other task passes). Write them from the task text, as a learner
# would type them, before reading checks.ts: at least six per lab, one or more per clause.
set -euo pipefail
kubectl create configmap settings --from-literal=mode=Demo -n lab-00
