#!/usr/bin/env bash
# Reference solution: read why the claim waits, recreate it to fit the volume, then write and read.
set -euo pipefail
ns=lab-14

# Look first: 5Gi ReadWriteMany asked, 1Gi ReadWriteOnce offered.
kubectl describe pvc data -n $ns | tail -5
kubectl get pv pv-1

# claim-bound: a claim's size and access modes cannot be edited down, so make it again
kubectl delete pvc data -n $ns
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  labels:
    app: notes
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
YAML
kubectl wait pvc/data --for=jsonpath='{.status.phase}'=Bound --timeout=60s -n $ns

# writer-pod
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

# reader-pod
kubectl apply -n $ns -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  containers:
    - name: reader
      image: busybox:1.36
      # The writer may still be at work: wait for the note, print it, then stay up. (With
      # `cat … && sleep` alone, a reader that looks too early fails and is restarted.)
      command: ["sh", "-c", "until [ -s /data/note.txt ]; do sleep 1; done; cat /data/note.txt && sleep 3600"]
      volumeMounts:
        - name: data
          mountPath: /data
          readOnly: true
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data
YAML

# data-persists
kubectl wait pod/reader --for=condition=Ready --timeout=60s -n $ns
kubectl get pods -o wide -n $ns
kubectl logs reader -n $ns || true   # no logs on simulated nodes
