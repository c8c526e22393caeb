#!/usr/bin/env bash
# fails: runs-succeeded/manual-complete
# Near miss: the report's memory limit typed as 1Mi — no container starts in 1 MiB, so the manual run never completes.
# graded on real nodes (kind tier)
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
              resources:
                limits:
                  memory: 1Mi
YAML
# manual-run
kubectl create job report-manual --from=cronjob/report -n $ns
# report-suspended
kubectl patch cronjob report -n $ns -p '{"spec":{"suspend":true}}'
