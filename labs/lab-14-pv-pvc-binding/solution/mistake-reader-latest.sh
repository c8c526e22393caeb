#!/usr/bin/env bash
# fails: reader-pod/image
# Near miss: the reader runs busybox with no tag (latest), not busybox:1.36.
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
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  containers:
    - name: reader
      image: busybox
      # the writer may still be starting: wait for its note, print it, stay up
      command: ["sh", "-c", "until [ -s /data/note.txt ]; do sleep 1; done; cat /data/note.txt; sleep 3600"]
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data
YAML
