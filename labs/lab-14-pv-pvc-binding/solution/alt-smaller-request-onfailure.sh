#!/usr/bin/env bash
# Alternative: the claim asks for less than the volume offers (500Mi fits in 1Gi) and keeps both of its
# labels; the writer mounts the claim at /mnt/data/ (trailing slash), appends with >>, and uses
# restartPolicy OnFailure (a successful exit is not restarted either); the reader mounts it read-only
# and prints the note with tail -f, which keeps it up.
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
  accessModes:
    - ReadWriteOnce
  storageClassName: manual
  resources:
    requests:
      storage: 500Mi
YAML
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  restartPolicy: OnFailure
  containers:
    - name: writer
      image: docker.io/library/busybox:1.36
      command: ["sh", "-c", "echo hello from writer >> /mnt/data/note.txt"]
      volumeMounts:
        - name: v
          mountPath: /mnt/data/
  volumes:
    - name: v
      persistentVolumeClaim:
        claimName: data
---
apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  containers:
    - name: reader
      image: busybox:1.36
      command: ["sh", "-c", "until [ -e /notes/note.txt ]; do sleep 1; done; tail -n +1 -f /notes/note.txt"]
      volumeMounts:
        - name: v
          mountPath: /notes
          readOnly: true
  volumes:
    - name: v
      persistentVolumeClaim:
        claimName: data
        readOnly: true
YAML
