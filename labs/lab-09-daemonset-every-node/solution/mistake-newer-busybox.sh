#!/usr/bin/env bash
# fails: every-node/container-kept
# Near miss: the DaemonSet applied from a newer blog post's manifest — both fixes are in it, but the agent's image became busybox:1.37: the task keeps the container as it is.
set -euo pipefail
ns=lab-09
kubectl apply -n $ns -f - <<'YAML'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  labels:
    app: log-agent
    wheelhouse.dev/lab: lab-09
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
        wheelhouse.dev/lab: lab-09
    spec:
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
      containers:
        - name: agent
          image: busybox:1.37
          command: ["sh", "-c", "while true; do echo \"$(ls /logs | wc -l) Pod log folders on $NODE_NAME\"; sleep 30; done"]
          env:
            - name: NODE_NAME
              valueFrom:
                fieldRef:
                  fieldPath: spec.nodeName
          resources:
            requests: { cpu: 10m, memory: 16Mi }
            limits: { cpu: 50m, memory: 32Mi }
          volumeMounts:
            - name: logs
              mountPath: /logs
              readOnly: true
      volumes:
        - name: logs
          hostPath:
            path: /var/log/pods
            type: Directory
YAML
kubectl rollout status daemonset/log-agent -n $ns --timeout=120s
