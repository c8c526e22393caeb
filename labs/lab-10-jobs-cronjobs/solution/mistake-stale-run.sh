#!/usr/bin/env bash
# fails: manual-run/same-template
# Near miss: the run was made while the CronJob still had a typo in its command; the CronJob was fixed afterwards but not run again — the run tested another template.
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
              command: ["sh", "-c", "date; echo reprot done"]
YAML
# manual-run
kubectl create job report-manual --from=cronjob/report -n $ns
# The typo fixed in the CronJob, the run not repeated
kubectl patch cronjob report -n $ns --type=json -p '[{"op":"replace","path":"/spec/jobTemplate/spec/template/spec/containers/0/command/2","value":"date; echo report done"}]'
# report-suspended
kubectl patch cronjob report -n $ns -p '{"spec":{"suspend":true}}'
