#!/usr/bin/env bash
# fails: schema/replicas-range, schema/replicas-integer, schema/replicas-required, schema/image-string
# Near miss: the schema is "an object that keeps whatever it is given". The CRD is accepted and
# my-app is stored, but nothing is validated: replicas 20, a string, or no replicas at all get in.
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
      subresources: { status: {} }
      additionalPrinterColumns:
        - { name: Replicas, type: integer, jsonPath: .spec.replicas }
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              x-kubernetes-preserve-unknown-fields: true
YAML
kubectl wait --for=condition=Established crd/applications.stable.example.com --timeout=60s
kubectl api-resources --api-group=stable.example.com
kubectl apply -n lab-23 -f - <<'YAML'
apiVersion: stable.example.com/v1
kind: Application
metadata: { name: my-app }
spec: { replicas: 3, image: nginx:1.27 }
YAML
