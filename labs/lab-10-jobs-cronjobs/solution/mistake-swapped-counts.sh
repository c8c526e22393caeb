#!/usr/bin/env bash
# fails: pi-job
# Near miss: completions and parallelism swapped — five Pods at once, done after two successes.
set -euo pipefail
ns=lab-10
kubectl apply -n $ns -f - <<'YAML'
apiVersion: batch/v1
kind: Job
metadata: { name: pi }
spec:
  completions: 2
  parallelism: 5
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
kubectl create job report-manual --from=cronjob/report -n $ns
