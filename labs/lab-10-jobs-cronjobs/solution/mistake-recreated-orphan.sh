#!/usr/bin/env bash
# fails: report-suspended/same-cronjob
# Near miss: report deleted with --cascade=orphan ("to keep its Jobs") and created again with suspend: true — a new CronJob: the old runs no longer belong to it.
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
YAML
# manual-run
kubectl create job report-manual --from=cronjob/report -n $ns
# report-suspended
kubectl get cronjob report -n $ns -o yaml > /tmp/wh-lab-10-report.yaml
kubectl delete cronjob report -n $ns --cascade=orphan
sed -e 's/suspend: false/suspend: true/' -e '/^  uid:/d' -e '/^  resourceVersion:/d' -e '/^  creationTimestamp:/d' /tmp/wh-lab-10-report.yaml | kubectl create -f -
rm -f /tmp/wh-lab-10-report.yaml
