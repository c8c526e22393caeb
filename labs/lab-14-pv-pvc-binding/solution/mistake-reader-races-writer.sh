#!/usr/bin/env bash
# fails: data-persists/note-found
# Near miss: the reader is started first and reads at once (cat … && sleep 3600), the writer after it — the
# note is not there yet, so the reader fails and is restarted instead of finding it the first time.
# graded on real nodes (kind tier)
set -euo pipefail
ns=lab-14
kubectl delete pvc data -n $ns --wait=true --timeout=60s
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  labels:
    app: notes
    wheelhouse.dev/lab: lab-14
spec:
  storageClassName: manual
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
YAML
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  containers:
    - name: reader
      image: busybox:1.36
      command: ["sh", "-c", "cat /data/note.txt && sleep 3600"]
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data
YAML
# the reader has started (and looked) before the writer exists
kubectl wait pod/reader -n $ns --for=jsonpath='{.status.phase}'=Running --timeout=60s
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  restartPolicy: Never
  containers:
    - name: writer
      image: busybox:1.36
      command: ["sh", "-c", "echo 'hello from writer' > /data/note.txt"]
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data
YAML
