#!/usr/bin/env bash
# Correct alternative: one validation per kind of container, each with a regular expression (a tag
# is a last ":..." with no "/" after it); UPDATE and CREATE in separate rules; the binding denies and
# audits.
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
        operations: ["CREATE"]
        resources: ["pods"]
      - apiGroups: [""]
        apiVersions: ["*"]
        operations: ["UPDATE"]
        resources: ["pods", "pods/ephemeralcontainers"]
  validations:
    - expression: "object.spec.containers.all(c, c.image.contains('@') || (c.image.matches(':[^/:]+$') && !c.image.endsWith(':latest')))"
      message: containers need a tag other than latest
    - expression: "!has(object.spec.initContainers) || object.spec.initContainers.all(c, c.image.contains('@') || (c.image.matches(':[^/:]+$') && !c.image.endsWith(':latest')))"
      message: init containers need a tag other than latest
    - expression: "!has(object.spec.ephemeralContainers) || object.spec.ephemeralContainers.all(c, c.image.contains('@') || (c.image.matches(':[^/:]+$') && !c.image.endsWith(':latest')))"
      message: ephemeral containers need a tag other than latest
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
  validationActions: [Deny, Audit]
  matchResources:
    namespaceSelector:
      matchExpressions:
        - key: policy
          operator: In
          values: [strict]
YAML
