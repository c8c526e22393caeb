#!/usr/bin/env bash
# Alternative: as `kubectl edit` would — the live Service is fetched, edited (selector app=api plus
# tier=backend, targetPort 80, NodePort 30080) and written back with kubectl replace, which keeps
# the object. The Job is written in YAML, with the Service's full DNS name.
set -euo pipefail
ns=lab-11
kubectl get service api -n $ns -o yaml \
  | sed -e 's/^    app: api-server$/    app: api\n    tier: backend/' \
        -e 's/^    targetPort: 8080$/    targetPort: 80\n    nodePort: 30080/' \
        -e 's/^  type: ClusterIP$/  type: NodePort/' \
  | kubectl replace -f -
kubectl apply -n $ns -f - <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: smoke
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: smoke
          image: busybox:1.36
          command: ["wget", "-qO-", "-T", "5", "http://api.lab-11.svc.cluster.local"]
YAML
