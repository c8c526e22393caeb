#!/usr/bin/env bash
# fails: bad-images-denied/untagged
# Near miss: the policy refuses ":latest" but forgets that an image with no tag at all means latest too.
set -euo pipefail
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
  validations:
    - expression: >-
        object.spec.containers.all(c, !c.image.endsWith(':latest')) &&
        (!has(object.spec.initContainers) || object.spec.initContainers.all(c, !c.image.endsWith(':latest'))) &&
        (!has(object.spec.ephemeralContainers) || object.spec.ephemeralContainers.all(c, !c.image.endsWith(':latest')))
      message: the latest tag is not allowed
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: image-tags-strict
  labels:
    wheelhouse.dev/lab: lab-22
spec:
  policyName: image-tags
  validationActions: [Deny]
  matchResources:
    namespaceSelector:
      matchLabels:
        policy: strict
YAML
