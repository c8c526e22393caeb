#!/usr/bin/env bash
# fails: crd/name
# Near miss: the group stable.example.org (org, not com) — a different API, applications.stable.example.org.
set -euo pipefail

kubectl apply -f - <<'YAML'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: applications.stable.example.org
  labels:
    wheelhouse.dev/lab: lab-23
spec:
  group: stable.example.org
  scope: Namespaced
  names:
    kind: Application
    plural: applications
    singular: application
    shortNames: [app]
  versions:
    - name: v1
      served: true
      storage: true
      subresources:
        status: {}
      additionalPrinterColumns:
        - name: Replicas
          type: integer
          jsonPath: .spec.replicas
      schema:
        openAPIV3Schema:
          type: object
          required: [spec]
          properties:
            spec:
              type: object
              required: [replicas]
              properties:
                replicas:
                  type: integer
                  minimum: 1
                  maximum: 10
                image:
                  type: string
            status:
              type: object
              x-kubernetes-preserve-unknown-fields: true
YAML
kubectl wait --for=condition=Established crd/applications.stable.example.org --timeout=60s
kubectl api-resources --api-group=stable.example.org >/dev/null   # refreshes kubectl's discovery cache

kubectl apply -f - <<'YAML'
apiVersion: stable.example.org/v1
kind: Application
metadata:
  name: my-app
  namespace: lab-23
spec:
  replicas: 3
  image: nginx:1.27
YAML
