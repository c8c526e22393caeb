#!/usr/bin/env bash
# Correct alternative: the policy written with a helper variable for the last path segment, then
# tried by hand with dry runs, and web restarted to see that it still rolls out.
set -euo pipefail
ns=lab-22

kubectl apply -f - <<'YAML'
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: image-tags
  labels:
    wheelhouse.dev/lab: lab-22
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules:
      - apiGroups: [""]
        apiVersions: ["v1"]
        operations: ["CREATE", "UPDATE"]
        resources: ["pods", "pods/ephemeralcontainers"]
  variables:
    - name: containers
      expression: >-
        object.spec.containers
        + (has(object.spec.initContainers) ? object.spec.initContainers : [])
        + (has(object.spec.ephemeralContainers) ? object.spec.ephemeralContainers : [])
  validations:
    - expression: >-
        variables.containers.all(c, c.image.contains('@') ||
          (c.image.split('/')[size(c.image.split('/')) - 1].split(':').size() == 2 &&
           c.image.split('/')[size(c.image.split('/')) - 1].split(':')[1] != 'latest'))
      messageExpression: "'image without a usable tag in Pod ' + object.metadata.name"
      reason: Forbidden
YAML

kubectl apply -f - <<'YAML'
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: image-tags-strict
  labels:
    wheelhouse.dev/lab: lab-22
spec:
  policyName: image-tags
  validationActions: ["Deny"]
  matchResources:
    namespaceSelector:
      matchLabels:
        policy: strict
YAML

# Tried by hand: a tagged image is admitted here, latest is admitted in the open namespace, and web
# still rolls out.
kubectl run probe --image=nginx:1.27 -n $ns --dry-run=server
kubectl run probe --image=nginx:latest -n lab-22-open --dry-run=server
kubectl rollout restart deployment/web -n $ns
kubectl rollout status deployment/web -n $ns --timeout=60s
