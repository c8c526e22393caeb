#!/usr/bin/env bash
# Alternative: imperative — the claim patched out of a saved copy (1G, a decimal gigabyte, still fits in
# 1Gi), and both Pods started with kubectl run, the volume given through --overrides; the writer
# syncs and pauses two seconds before it exits (a short pause still exits within seconds).
set -euo pipefail
ns=lab-14
tmp=$(mktemp -d)
kubectl get pvc data -n $ns -o yaml > "$tmp/data.yaml"
kubectl delete pvc data -n $ns
sed -e 's/- ReadWriteMany/- ReadWriteOnce/' -e 's/storage: 5Gi/storage: 1G/' \
    -e '/^  resourceVersion:/d' -e '/^  uid:/d' -e '/^  creationTimestamp:/d' -e '/^status:/,$d' "$tmp/data.yaml" \
  | kubectl create -f -
kubectl run writer -n $ns --image=busybox:1.36 --restart=Never --overrides='
{"spec":{"volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"data"}}],
 "containers":[{"name":"writer","image":"busybox:1.36","command":["sh","-c","echo hello from writer > /data/note.txt; sync; sleep 2"],
   "volumeMounts":[{"name":"data","mountPath":"/data"}]}]}}'
kubectl run reader -n $ns --image=busybox:1.36 --overrides='
{"spec":{"volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"data"}}],
 "containers":[{"name":"reader","image":"busybox:1.36","command":["sh","-c","until [ -f /data/note.txt ]; do sleep 1; done; cat /data/note.txt; sleep 3600"],
   "volumeMounts":[{"name":"data","mountPath":"/data"}]}]}}'
