#!/usr/bin/env bash
# fails: claim-bound/class
# Near miss: the claim is recreated with the right size and access mode but without its storage
# class, so the default StorageClass (standard) provisions a new volume for it and pv-1 stays unused.
set -euo pipefail
ns=lab-14
kubectl delete pvc data -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data, labels: { app: notes } }
spec:
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
  volumes: [{ name: data, persistentVolumeClaim: { claimName: data } }]
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
