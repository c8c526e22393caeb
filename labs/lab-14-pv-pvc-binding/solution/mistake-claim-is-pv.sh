#!/usr/bin/env bash
# fails: writer-pod/mounts-data
# Near miss: the claim is fixed, but the writer names the volume (pv-1) where a Pod must name the
# claim (data). No claim pv-1 exists, so the writer can never start.
set -euo pipefail
ns=lab-14
kubectl delete pvc data -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data, labels: { app: notes } }
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 1Gi } }
---
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
  volumes: [{ name: data, persistentVolumeClaim: { claimName: pv-1 } }]
---
apiVersion: v1
kind: Pod
metadata: { name: reader }
spec:
  containers:
    - name: reader
      image: busybox:1.36
      command: ["sh", "-c", "until [ -s /data/note.txt ]; do sleep 1; done; cat /data/note.txt && sleep 3600"]
      volumeMounts: [{ name: data, mountPath: /data }]
  volumes: [{ name: data, persistentVolumeClaim: { claimName: data } }]
YAML
