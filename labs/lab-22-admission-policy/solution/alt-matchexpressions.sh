#!/usr/bin/env bash
# Alternative solution: one policy written differently — every container list checked in its own
# expression, the tag found with a regular expression, the namespaces chosen with matchExpressions
# (ephemeral containers arrive through pods/ephemeralcontainers, so the rule names that subresource).
set -euo pipefail
kubectl apply -f - <<'YAML'
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: image-tags
  labels:
    wheelhouse.dev/lab: lab-22
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: [""]
        apiVersions: ["*"]
        operations: ["UPDATE", "CREATE"]
        resources: ["pods", "pods/ephemeralcontainers"]
  validations:
    - expression: "object.spec.containers.all(c, c.image.matches('@sha256:|:[^:/]+$') && !c.image.endsWith(':latest'))"
      message: containers need an image tag other than latest
    - expression: "!has(object.spec.initContainers) || object.spec.initContainers.all(c, c.image.matches('@sha256:|:[^:/]+$') && !c.image.endsWith(':latest'))"
      message: init containers need an image tag other than latest
    - expression: "!has(object.spec.ephemeralContainers) || object.spec.ephemeralContainers.all(c, c.image.matches('@sha256:|:[^:/]+$') && !c.image.endsWith(':latest'))"
      message: ephemeral containers need an image tag other than latest
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: image-tags-strict
  labels:
    wheelhouse.dev/lab: lab-22
spec:
  policyName: image-tags
  validationActions: [Deny, Audit]
  matchResources:
    namespaceSelector:
      matchExpressions:
        - key: policy
          operator: In
          values: [strict]
YAML
