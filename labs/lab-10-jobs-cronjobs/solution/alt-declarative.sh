#!/usr/bin/env bash
# Alternative solution: both objects declared in one manifest, the CronJob already suspended
# (a suspended CronJob can still be run by hand), and the schedule written with day names.
set -euo pipefail
ns=lab-10
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
      restartPolicy: OnFailure
      containers:
        - name: pi
          image: busybox:1.36
          command: ["sh", "-c", "awk 'BEGIN { printf \"%.10f\\n\", atan2(0, -1) }'"]
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "00 09 * * MON-FRI"
  timeZone: Asia/Seoul
  concurrencyPolicy: Forbid
  suspend: true
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 1
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: report
              image: busybox:1.36
              command: ["sh", "-c", "date; echo report done"]
YAML
kubectl create job report-now --from=cronjob/report -n $ns
kubectl wait job/pi job/report-now --for=condition=complete --timeout=120s -n $ns
