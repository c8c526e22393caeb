#!/usr/bin/env bash
# Alternative: the claim re-created from scratch with volumeName: pv-1 (bound ahead of time) and only
# its own label; the writer works in /data (workingDir) and writes the relative path note.txt with
# printf; the reader waits for the note with a loop and stays up with `tail -f /dev/null`.
set -euo pipefail
ns=lab-14
kubectl delete pvc data -n $ns
kubectl create -n $ns -f - <<'YAML'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  labels:
    app: notes
spec:
  storageClassName: manual
  volumeName: pv-1
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  restartPolicy: Never
  volumes:
    - name: notes
      persistentVolumeClaim:
        claimName: data
  containers:
    - name: main
      image: busybox:1.36
      workingDir: /data
      command: ["/bin/sh", "-c"]
      args: ["printf 'hello from writer\\n' > note.txt"]
      volumeMounts:
        - name: notes
          mountPath: /data
---
apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  volumes:
    - name: notes
      persistentVolumeClaim:
        claimName: data
  containers:
    - name: main
      image: busybox:1.36
      command: ["/bin/sh", "-c", "while ! test -f /data/note.txt; do sleep 2; done; cat /data/note.txt && tail -f /dev/null"]
      volumeMounts:
        - name: notes
          mountPath: /data
YAML
