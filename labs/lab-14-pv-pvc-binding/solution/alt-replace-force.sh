#!/usr/bin/env bash
# Alternative solution: edit the live claim's YAML and let `kubectl replace --force` delete and
# recreate it in one step; the Pods are started with `kubectl run` and an override.
set -euo pipefail
ns=lab-14
kubectl get pvc data -n $ns -o yaml \
  | sed -e 's/ReadWriteMany/ReadWriteOnce/' -e 's/storage: 5Gi/storage: 1Gi/' \
  | kubectl replace --force -f -
kubectl run writer --image=busybox:1.36 --restart=Never -n $ns --overrides='{
  "apiVersion": "v1",
  "spec": {
    "volumes": [{"name": "notes", "persistentVolumeClaim": {"claimName": "data"}}],
    "containers": [{
      "name": "writer", "image": "busybox:1.36",
      "command": ["sh", "-c", "echo hello from writer >> /notes/note.txt"],
      "volumeMounts": [{"name": "notes", "mountPath": "/notes/"}]
    }]
  }
}'
kubectl run reader --image=busybox:1.36 -n $ns --overrides='{
  "apiVersion": "v1",
  "spec": {
    "volumes": [{"name": "notes", "persistentVolumeClaim": {"claimName": "data", "readOnly": true}}],
    "containers": [{
      "name": "reader", "image": "busybox:1.36",
      "command": ["sh", "-c", "until [ -f /mnt/note.txt ]; do sleep 1; done; cat /mnt/note.txt; sleep 3600"],
      "volumeMounts": [{"name": "notes", "mountPath": "/mnt"}]
    }]
  }
}'
kubectl wait pod/reader --for=condition=Ready --timeout=60s -n $ns
