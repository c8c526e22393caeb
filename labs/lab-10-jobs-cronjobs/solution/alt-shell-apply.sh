#!/usr/bin/env bash
# Correct alternative: pi started through sh -c with the program quoted as on the command line;
# the schedule written with leading zeros and a list of days; report's shell as /bin/sh; the
# suspension applied declaratively (the same manifest with suspend: true: the same CronJob).
set -euo pipefail
ns=lab-10
kubectl apply -n $ns -f - <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  backoffLimit: 4
  parallelism: 2
  completions: 5
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: pi
          image: busybox:1.36
          command: ["sh", "-c", "awk 'BEGIN { printf \"%.10f\\n\", atan2(0, -1) }'"]
YAML
report() {
  kubectl apply -n $ns -f - <<YAML
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  suspend: $1
  schedule: "00 09 * * 1,2,3,4,5"
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
              command: ["/bin/sh", "-c", "date; echo report done"]
YAML
}
report false
kubectl create job report-test --from=cronjob/report -n $ns
report true
