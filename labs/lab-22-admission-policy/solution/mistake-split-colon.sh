#!/usr/bin/env bash
# fails: bad-images-denied/port-untagged
# Near miss: "has a tag" written as "splits into two at ':'". A registry port adds a colon, so
# registry.example.com:5000/team/app (no tag) is admitted and registry.example.com:5000/team/app:2.1
# (tagged) would be refused too.
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
        (object.spec.containers + (has(object.spec.initContainers) ? object.spec.initContainers : [])
         + (has(object.spec.ephemeralContainers) ? object.spec.ephemeralContainers : [])).all(c,
          c.image.contains('@') || (c.image.split(':').size() == 2 && c.image.split(':')[1] != 'latest'))
      message: every image needs a tag other than latest
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
