#!/usr/bin/env bash
# fails: schema/replicas-range
# Near miss: replicas has a minimum but no maximum, so an Application asking for 20 is stored.
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
          required: [spec]
          properties:
            spec:
              type: object
              required: [replicas]
              properties:
                replicas: { type: integer, minimum: 1 }
                image: { type: string }
YAML
kubectl wait --for=condition=Established crd/applications.stable.example.com --timeout=60s
kubectl api-resources --api-group=stable.example.com
kubectl apply -n lab-23 -f - <<'YAML'
apiVersion: stable.example.com/v1
kind: Application
metadata: { name: my-app }
spec: { replicas: 3, image: nginx:1.27 }
YAML
