#!/usr/bin/env bash
# Correct alternative, imperative: pi from `kubectl create job --dry-run=client -o yaml` with the
# three numbers added by sed; report from `kubectl create cronjob` and a patch for the time zone
# and the policy; the manual run from the CronJob; suspend by a merge patch.
set -euo pipefail
ns=lab-10
kubectl create job pi --image=busybox:1.36 -n $ns --dry-run=client -o yaml -- awk 'BEGIN { printf "%.10f\n", atan2(0, -1) }' \
  | sed 's/^spec:$/spec:\n  completions: 5\n  parallelism: 2\n  backoffLimit: 4/' \
  | kubectl apply -f -
kubectl create cronjob report --image=busybox:1.36 --schedule='0 9 * * 1-5' -n $ns -- sh -c 'date; echo report done'
kubectl patch cronjob report -n $ns --type=merge -p '{"spec":{"timeZone":"Asia/Seoul","concurrencyPolicy":"Forbid"}}'
kubectl create job report-now --from=cronjob/report -n $ns
kubectl patch cronjob report -n $ns --type=merge -p '{"spec":{"suspend":true}}'
