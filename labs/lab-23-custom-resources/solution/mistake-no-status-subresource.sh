#!/usr/bin/env bash
# fails: crd/status-subresource
# Near miss: everything but the status subresource. Status is then just another part of the
# object: a user's `kubectl apply` can overwrite it, and a controller has no /status to write to.
set -euo pipefail
kubectl apply -f - <<'YAML'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: applications.stable.example.com
  labels: { wheelhouse.dev/lab: lab-23 }
spec:
  group: stable.example.com
  scope: Namespaced
  names: { plural: applications, singular: application, kind: Application, shortNames: [app] }
  versions:
    - name: v1
      served: true
      storage: true
      additionalPrinterColumns:
        - { name: Replicas, type: integer, jsonPath: .spec.replicas }
      schema:
        openAPIV3Schema:
          type: object
          required: [spec]
          properties:
            spec:
              type: object
              required: [replicas]
              properties:
                replicas: { type: integer, minimum: 1, maximum: 10 }
                image: { type: string }
            status:
              type: object
              properties:
                availableReplicas: { type: integer }
YAML
kubectl wait --for=condition=Established crd/applications.stable.example.com --timeout=60s
kubectl api-resources --api-group=stable.example.com
kubectl apply -n lab-23 -f - <<'YAML'
apiVersion: stable.example.com/v1
kind: Application
metadata: { name: my-app }
spec: { replicas: 3, image: nginx:1.27 }
YAML
