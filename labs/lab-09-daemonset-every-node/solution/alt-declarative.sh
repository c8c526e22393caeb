#!/usr/bin/env bash
# Alternative solution: the corrected manifest, applied over the existing DaemonSet. The
# toleration says Exists for the key with no value, as the control plane taint has none.
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
          image: busybox:1.36
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
            - name: pod-logs
              mountPath: /logs
              readOnly: true
      volumes:
        - name: pod-logs
          hostPath:
            path: /var/log/pods
            type: Directory
YAML
kubectl rollout status ds/log-agent -n $ns --timeout=120s
