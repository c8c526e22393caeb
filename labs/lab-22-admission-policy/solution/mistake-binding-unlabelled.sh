#!/usr/bin/env bash
# fails: binding/labelled
# Near miss: the binding carries no wheelhouse.dev/lab=lab-22 label, so lab reset would leave it in force.
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
  variables:
    - name: images
      expression: >-
        object.spec.containers.map(c, c.image)
          + (has(object.spec.initContainers) ? object.spec.initContainers.map(c, c.image) : [])
          + (has(object.spec.ephemeralContainers) ? object.spec.ephemeralContainers.map(c, c.image) : [])
  validations:
    - expression: >-
        variables.images.all(i, i.contains('@') ||
          (i.split('/')[size(i.split('/')) - 1].contains(':') &&
           !i.split('/')[size(i.split('/')) - 1].endsWith(':latest')))
      message: every image needs a tag other than latest, or a digest
YAML

# (Not what a learner types: an owner reference to the lab's namespace lets the garbage collector
# remove this unlabelled object when the test's reset deletes the namespace. A learner's would stay.)
uid=$(kubectl get namespace lab-22 -o jsonpath='{.metadata.uid}')
kubectl apply -f - <<YAML
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: image-tags-strict
  ownerReferences:
    - apiVersion: v1
      kind: Namespace
      name: lab-22
      uid: $uid

spec:
  policyName: image-tags
  validationActions: [Deny]
  matchResources:
    namespaceSelector:
      matchLabels:
        policy: strict
YAML
