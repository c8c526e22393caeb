#!/usr/bin/env bash
# fails: report-cronjob/command
# Near miss: kubectl create cronjob … -- sh -c date; echo report done, unquoted — the shell ends the command at ';', so the CronJob runs only sh -c date.
set -euo pipefail
ns=lab-10
# pi-job
kubectl apply -n $ns -f - <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
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
# report-cronjob
kubectl create cronjob report --image=busybox:1.36 --schedule="0 9 * * 1-5" -n $ns -- sh -c date; echo report done
kubectl patch cronjob report -n $ns -p '{"spec":{"timeZone":"Asia/Seoul","concurrencyPolicy":"Forbid"}}'
# manual-run
kubectl create job report-manual --from=cronjob/report -n $ns
# report-suspended
kubectl patch cronjob report -n $ns -p '{"spec":{"suspend":true}}'
