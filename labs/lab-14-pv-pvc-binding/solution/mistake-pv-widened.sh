#!/usr/bin/env bash
# fails: claim-bound/pv-untouched
# Near miss: the volume is changed to fit the claim (5Gi, ReadWriteMany) instead of the claim to fit the volume — pv-1 was to stay as the storage team made it.
set -euo pipefail
ns=lab-14
kubectl patch pv pv-1 --type=merge -p '{"spec":{"capacity":{"storage":"5Gi"},"accessModes":["ReadWriteMany"]}}'
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
      image: busybox:1.36
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
