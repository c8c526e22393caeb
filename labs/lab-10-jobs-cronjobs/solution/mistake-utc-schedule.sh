#!/usr/bin/env bash
# fails: report-cronjob/time-zone
# Near miss: 09:00 in Seoul is 00:00 UTC, so the learner writes the schedule in UTC and sets no
# time zone. It only works while the control plane's clock is UTC, and the CronJob does not say
# which zone it means.
set -euo pipefail
ns=lab-10
kubectl apply -n $ns -f - <<'YAML'
apiVersion: batch/v1
kind: Job
metadata: { name: pi }
spec:
  completions: 5
  parallelism: 2
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: pi
          image: busybox:1.36
          command: ["awk", "BEGIN { printf \"%.10f\\n\", atan2(0, -1) }"]
YAML
kubectl create cronjob report --image=busybox:1.36 --schedule="0 0 * * 1-5" -n $ns -- sh -c 'date; echo report done'
kubectl patch cronjob report -n $ns -p '{"spec":{"concurrencyPolicy":"Forbid","suspend":true}}'
kubectl create job report-manual --from=cronjob/report -n $ns
