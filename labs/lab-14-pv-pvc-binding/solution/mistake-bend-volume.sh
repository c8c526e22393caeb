#!/usr/bin/env bash
# fails: claim-bound
# Near miss: instead of fixing the claim, the volume is changed to fit it (5Gi, ReadWriteMany).
# The claim binds, but the volume now promises what its folder on one node cannot give.
set -euo pipefail
ns=lab-14
kubectl patch pv pv-1 -p '{"spec":{"capacity":{"storage":"5Gi"},"accessModes":["ReadWriteMany"]}}'
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata: { name: writer }
spec:
  restartPolicy: Never
  containers:
    - name: writer
      image: busybox:1.36
      command: ["sh", "-c", "echo 'hello from writer' > /data/note.txt"]
      volumeMounts: [{ name: data, mountPath: /data }]
  volumes: [{ name: data, persistentVolumeClaim: { claimName: data } }]
---
apiVersion: v1
kind: Pod
metadata: { name: reader }
spec:
  containers:
    - name: reader
      image: busybox:1.36
      command: ["sh", "-c", "cat /data/note.txt && sleep 3600"]
      volumeMounts: [{ name: data, mountPath: /data }]
  volumes: [{ name: data, persistentVolumeClaim: { claimName: data } }]
YAML
