#!/usr/bin/env bash
# fails: pods-running/ready
# Near miss: a readiness probe is added out of habit on port 80, where the unprivileged nginx does not listen: the Pods run but never become Ready.
# graded on real nodes (kind tier)
# on real nodes fails: pods-created/created
# on real nodes: the unready Pods stall the rollout at one new Pod, so pods-created (two Pods of the newest ReplicaSet) fails first (pods-running waits on it)
set -euo pipefail
ns=lab-18

kubectl patch deployment legacy -n $ns --type=json -p '[
  {"op":"add","path":"/spec/template/spec/securityContext","value":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}}},
  {"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginxinc/nginx-unprivileged:1.27"},
  {"op":"replace","path":"/spec/template/spec/containers/0/ports/0/containerPort","value":8080},
  {"op":"add","path":"/spec/template/spec/containers/0/securityContext","value":{"allowPrivilegeEscalation":false,"readOnlyRootFilesystem":true,"capabilities":{"drop":["ALL"]}}},
  {"op":"add","path":"/spec/template/spec/containers/0/volumeMounts","value":[{"name":"tmp","mountPath":"/tmp"}]},
  {"op":"add","path":"/spec/template/spec/volumes","value":[{"name":"tmp","emptyDir":{}}]},
  {"op":"add","path":"/spec/template/spec/containers/0/readinessProbe","value":{"httpGet":{"path":"/","port":80},"periodSeconds":5}}]'
# Simulated nodes report the new Pods ready and the rollout finishes; on real nodes they never get
# ready and the rollout stays where it is: wait for one or the other, as the learner would look.
kubectl rollout status deployment/legacy -n $ns --timeout=45s || kubectl get pods -n $ns
