#!/usr/bin/env bash
# fails: pi-job/container
# Near miss: image busybox without a tag (latest) for pi — the task pins busybox:1.36.
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
          image: busybox
          command: ["awk", "BEGIN { printf \"%.10f\\n\", atan2(0, -1) }"]
YAML
# report-cronjob
kubectl apply -n $ns -f - <<'YAML'
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 9 * * 1-5"
  timeZone: Asia/Seoul
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox:1.36
              command: ["sh", "-c", "date; echo report done"]
YAML
# manual-run
kubectl create job report-manual --from=cronjob/report -n $ns
# report-suspended
kubectl patch cronjob report -n $ns -p '{"spec":{"suspend":true}}'
