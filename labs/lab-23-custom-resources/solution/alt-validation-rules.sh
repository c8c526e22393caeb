#!/usr/bin/env bash
# Correct alternative: the range written as CEL validation rules on spec instead of minimum and
# maximum, a status schema of its own, and a number column instead of an integer one.
set -euo pipefail

kubectl apply -f - <<'YAML'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: applications.stable.example.com
  labels:
    wheelhouse.dev/lab: lab-23
spec:
  group: stable.example.com
  scope: Namespaced
  names:
    kind: Application
    listKind: ApplicationList
    plural: applications
    singular: application
    shortNames: [app]
    categories: [all-apps]
  versions:
    - name: v1
      served: true
      storage: true
      subresources:
        status: {}
      additionalPrinterColumns:
        - name: Replicas
          type: number
          jsonPath: .spec.replicas
      schema:
        openAPIV3Schema:
          type: object
          required: [spec]
          properties:
            spec:
              type: object
              required: [replicas]
              x-kubernetes-validations:
                - rule: "self.replicas >= 1"
                  message: replicas must be at least 1
                - rule: "self.replicas <= 10"
                  message: replicas must be at most 10
              properties:
                replicas:
                  type: integer
                image:
                  type: string
            status:
              type: object
              properties:
                readyReplicas:
                  type: integer
YAML
kubectl wait --for=condition=Established crd/applications.stable.example.com --timeout=60s
kubectl api-resources --api-group=stable.example.com >/dev/null   # refreshes kubectl's discovery cache

kubectl apply -n lab-23 -f - <<'YAML'
apiVersion: stable.example.com/v1
kind: Application
metadata:
  name: my-app
spec:
  replicas: 3
  image: "nginx:1.27"
YAML
