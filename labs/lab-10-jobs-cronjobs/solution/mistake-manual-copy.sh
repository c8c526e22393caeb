#!/usr/bin/env bash
# fails: manual-run/from-cronjob
# Near miss: the "manual run" is a new Job typed by hand with the same image and command. It
# runs, but it is not made from the CronJob: change the CronJob's template and the copy drifts.
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
kubectl create cronjob report --image=busybox:1.36 --schedule="0 9 * * 1-5" -n $ns -- sh -c 'date; echo report done'
kubectl patch cronjob report -n $ns -p '{"spec":{"timeZone":"Asia/Seoul","concurrencyPolicy":"Forbid","suspend":true}}'
kubectl create job report-manual --image=busybox:1.36 -n $ns -- sh -c 'date; echo report done'
