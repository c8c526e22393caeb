#!/usr/bin/env bash
# fails: crd/namespaced
# Near miss: scope Cluster. Applications then belong to no namespace (like Nodes), so my-app is
# created cluster-wide and `-n lab-23` is ignored.
set -euo pipefail
kubectl apply -f - <<'YAML'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: applications.stable.example.com
  labels: { wheelhouse.dev/lab: lab-23 }
spec:
  group: stable.example.com
  scope: Cluster
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
                replicas: { type: integer, minimum: 1, maximum: 10 }
                image: { type: string }
YAML
kubectl wait --for=condition=Established crd/applications.stable.example.com --timeout=60s
kubectl api-resources --api-group=stable.example.com   # refreshes kubectl's discovery cache: the scope changed
kubectl apply -f - <<'YAML'
apiVersion: stable.example.com/v1
kind: Application
metadata: { name: my-app }
spec: { replicas: 3, image: nginx:1.27 }
YAML
