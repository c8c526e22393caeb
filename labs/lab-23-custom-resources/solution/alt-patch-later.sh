#!/usr/bin/env bash
# Correct alternative: a first CRD with only names and the schema, then a JSON patch that adds the
# status subresource and the printer column to v1 (as a learner fixing it step by step would);
# my-app created with kubectl create and the short name used to look at it.
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
  names:
    plural: applications
    singular: application
    kind: Application
    shortNames:
      - app
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                image:
                  type: string
                replicas:
                  type: integer
                  format: int32
                  minimum: 1
                  maximum: 10
              required: ["replicas"]
          required: ["spec"]
YAML

kubectl patch crd applications.stable.example.com --type=json -p '[
  {"op": "add", "path": "/spec/versions/0/subresources", "value": {"status": {}}},
  {"op": "add", "path": "/spec/versions/0/additionalPrinterColumns", "value": [
    {"name": "Replicas", "type": "integer", "jsonPath": ".spec.replicas", "description": "How many replicas the Application asks for"},
    {"name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"}
  ]}
]'
kubectl wait --for=condition=Established crd/applications.stable.example.com --timeout=60s
kubectl api-resources --api-group=stable.example.com >/dev/null   # refreshes kubectl's discovery cache

cat <<'YAML' > /tmp/wheelhouse-lab-23-my-app.yaml
apiVersion: stable.example.com/v1
kind: Application
metadata:
  name: my-app
spec:
  image: nginx:1.27
  replicas: 3
YAML
kubectl create -f /tmp/wheelhouse-lab-23-my-app.yaml -n lab-23
rm -f /tmp/wheelhouse-lab-23-my-app.yaml
kubectl get app -n lab-23
