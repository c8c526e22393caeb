#!/usr/bin/env bash
# Reference solution: a manifest for the Job (kubectl create job has no flags for completions
# or parallelism), kubectl create for the CronJob, then patches and a manual run.
set -euo pipefail
ns=lab-10

# pi-job: start from what `kubectl create job --dry-run=client -o yaml` prints, add the three numbers
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

# report-cronjob: create it, then set the time zone and the overlap rule
kubectl create cronjob report --image=busybox:1.36 --schedule="0 9 * * 1-5" -n $ns -- sh -c 'date; echo report done'
kubectl patch cronjob report -n $ns -p '{"spec":{"timeZone":"Asia/Seoul","concurrencyPolicy":"Forbid"}}'
kubectl get cronjob report -n $ns

# manual-run: a Job from the CronJob's own template
kubectl create job report-manual --from=cronjob/report -n $ns

# report-suspended
kubectl patch cronjob report -n $ns -p '{"spec":{"suspend":true}}'

# runs-succeeded
kubectl wait job/pi job/report-manual --for=condition=complete --timeout=120s -n $ns
kubectl logs job/pi -n $ns || true   # no logs on simulated nodes
kubectl get jobs -n $ns
