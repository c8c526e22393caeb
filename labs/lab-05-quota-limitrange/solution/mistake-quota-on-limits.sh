#!/usr/bin/env bash
# fails: quota
# Near miss: the quota caps CPU limits instead of CPU requests.
set -euo pipefail
ns=lab-05
kubectl create quota team-quota --hard=pods=5,limits.cpu=2 -n $ns
