#!/usr/bin/env bash
# Correct alternative: pi as an Indexed Job (done when indexes 0-4 have each succeeded: five
# successes) with the program as args alone and written compactly, restartPolicy OnFailure;
# report with MON-FRI in the schedule and its command as args; suspend by a JSON patch.
set -euo pipefail
ns=lab-10
kubectl apply -n $ns -f - <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completionMode: Indexed
  completions: 5
  parallelism: 2
  backoffLimit: 4
  template:
    spec:
      restartPolicy: OnFailure
      containers:
        - name: awk
          image: busybox:1.36
          args: ["awk", "BEGIN{printf \"%.10f\\n\",atan2(0,-1)}"]
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 9 * * MON-FRI"
  timeZone: "Asia/Seoul"
  concurrencyPolicy: Forbid
  successfulJobsHistoryLimit: 3
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: report
              image: busybox:1.36
              args: ["sh", "-c", "date; echo report done"]
YAML
kubectl create job report-by-hand --from=cronjob/report -n $ns
kubectl patch cronjob report -n $ns --type=json -p '[{"op":"replace","path":"/spec/suspend","value":true}]'
