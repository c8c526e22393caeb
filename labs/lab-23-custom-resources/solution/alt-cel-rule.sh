#!/usr/bin/env bash
# Alternative solution: the range is a CEL rule (x-kubernetes-validations) instead of
# minimum/maximum, status is an open object, the CRD also gets a scale subresource, and the
# Application is created from JSON with `kubectl create`.
set -euo pipefail
ns=lab-23
kubectl create -f - <<'YAML'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: applications.stable.example.com
  labels:
    wheelhouse.dev/lab: lab-23
spec:
  group: stable.example.com
  names:
    kind: Application
    listKind: ApplicationList
    plural: applications
    singular: application
    shortNames: [app]
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      additionalPrinterColumns:
        - name: Image
          type: string
          jsonPath: .spec.image
        - name: replicas
          type: integer
          jsonPath: .spec.replicas
      subresources:
        status: {}
        scale:
          specReplicasPath: .spec.replicas
          statusReplicasPath: .status.replicas
      schema:
        openAPIV3Schema:
          type: object
          required: [spec]
          properties:
            spec:
              type: object
              required: [replicas]
              x-kubernetes-validations:
                - rule: self.replicas >= 1 && self.replicas <= 10
                  message: replicas must be between 1 and 10
              properties:
                image: { type: string }
                replicas: { type: integer }
            status:
              type: object
              x-kubernetes-preserve-unknown-fields: true
YAML
kubectl wait --for=condition=Established crd/applications.stable.example.com --timeout=60s
kubectl api-resources --api-group=stable.example.com
kubectl create -n $ns -f - <<'JSON'
{"apiVersion": "stable.example.com/v1", "kind": "Application", "metadata": {"name": "my-app"}, "spec": {"image": "nginx:1.27", "replicas": 3}}
JSON
kubectl get applications -n $ns
