#!/usr/bin/env bash
# fails: crd/names
# Near miss: the plural is written in the singular, so the CRD (always <plural>.<group>) is
# application.stable.example.com and `kubectl get applications` knows nothing of it.
set -euo pipefail
kubectl apply -f - <<'YAML'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: application.stable.example.com
  labels: { wheelhouse.dev/lab: lab-23 }
spec:
  group: stable.example.com
  scope: Namespaced
  names: { plural: application, kind: Application, shortNames: [app] }
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
                replicas: { type: integer, minimum: 1, maximum: 10 }
                image: { type: string }
YAML
kubectl wait --for=condition=Established crd/application.stable.example.com --timeout=60s
kubectl api-resources --api-group=stable.example.com
kubectl apply -n lab-23 -f - <<'YAML'
apiVersion: stable.example.com/v1
kind: Application
metadata: { name: my-app }
spec: { replicas: 3, image: nginx:1.27 }
YAML
