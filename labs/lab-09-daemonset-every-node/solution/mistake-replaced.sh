#!/usr/bin/env bash
# fails: pod-logs
# Near miss: delete the DaemonSet and write a quick new one that tolerates everything. It runs
# on every node, but it is not the agent: it no longer mounts the Pod logs or runs the agent's command.
set -euo pipefail
ns=lab-09
kubectl delete ds log-agent -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
spec:
  selector:
    matchLabels: { app: log-agent }
  template:
    metadata:
      labels: { app: log-agent }
    spec:
      tolerations:
        - operator: Exists
      containers:
        - name: agent
          image: busybox:1.36
          command: ["sleep", "infinity"]
YAML
