#!/usr/bin/env bash
# Reference solution: define the kind, wait until it is served, try the schema, create my-app.
set -euo pipefail
ns=lab-23

# crd + schema
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
    plural: applications
    singular: application
    kind: Application
    shortNames: [app]
  versions:
    - name: v1
      served: true
      storage: true
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
              properties:
                availableReplicas:
                  type: integer
      subresources:
        status: {}
      additionalPrinterColumns:
        - name: Replicas
          type: integer
          jsonPath: .spec.replicas
        - name: Image
          type: string
          jsonPath: .spec.image
        - name: Age
          type: date
          jsonPath: .metadata.creationTimestamp
YAML
kubectl wait --for=condition=Established crd/applications.stable.example.com --timeout=60s
kubectl api-resources --api-group=stable.example.com

# schema: the API server refuses 20 replicas (the dry run stores nothing)
if kubectl apply --dry-run=server -n $ns -f - <<'YAML'
apiVersion: stable.example.com/v1
kind: Application
metadata:
  name: too-big
spec:
  replicas: 20
  image: nginx:1.27
YAML
then echo "replicas: 20 was admitted" >&2; exit 1; fi

# custom-resource
kubectl apply -n $ns -f - <<'YAML'
apiVersion: stable.example.com/v1
kind: Application
metadata:
  name: my-app
spec:
  replicas: 3
  image: nginx:1.27
YAML
kubectl get app -n $ns
