#!/usr/bin/env bash
# Reference solution: the policy and its binding as YAML (there is no `kubectl create` for them),
# then the learner's own dry runs.
set -euo pipefail
ns=lab-22

# policy: the tag is what follows ":" in the last "/" part; a digest pins the image without one.
# Ephemeral containers arrive through the subresource pods/ephemeralcontainers (kubectl debug):
# the rule names it, or they are never judged.
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
        variables.containers.all(c,
          c.image.contains('@') ||
          (c.image.split('/')[c.image.split('/').size() - 1].contains(':') && !c.image.endsWith(':latest')))
      messageExpression: "'every image needs a tag other than latest (or a digest); refused: ' + variables.containers.map(c, c.image).join(', ')"
      reason: Forbidden
YAML

# binding: deny, in namespaces labelled policy=strict
kubectl apply -f - <<'YAML'
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

# bad-images-denied and good-images-allowed: try it (the policy takes a moment to load)
for i in $(seq 1 20); do
  if ! kubectl run try --image=nginx:latest -n $ns --dry-run=server >/dev/null 2>&1; then break; fi
  sleep 0.5
done
kubectl run try --image=nginx:latest -n $ns --dry-run=server || true
kubectl run try --image=registry.example.com:5000/team/app -n $ns --dry-run=server || true
kubectl run try --image=nginx:1.27 -n $ns --dry-run=server
kubectl run try --image=nginx:latest -n lab-22-open --dry-run=server
