#!/usr/bin/env bash
# fails: resize-policy/rest-unchanged
# Near miss: web deleted and created again with the resize policy — a new Deployment, not the same one changed.
set -euo pipefail
ns=lab-25
# On simulated nodes (kwok) the API server refuses every resize: the resize is for real nodes.
simulated=$(kubectl get node wheelhouse-worker -o jsonpath='{.metadata.annotations.kwok\.x-k8s\.io/node}')

if [ "$simulated" != fake ]; then
  kubectl patch pod resizable -n $ns --subresource resize -p '{"spec":{"containers":[{"name":"app","resources":{"requests":{"cpu":"500m"},"limits":{"cpu":"500m"}}}]}}'
  kubectl wait pod/resizable -n $ns --for=jsonpath='{.status.containerStatuses[0].resources.limits.cpu}'=500m --timeout=120s
fi
kubectl delete deployment web -n $ns
kubectl apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: lab-25
  labels:
    app: web
    wheelhouse.dev/lab: lab-25
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        wheelhouse.dev/lab: lab-25
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 80
          resources:
            requests:
              cpu: 200m
              memory: 128Mi
            limits:
              memory: 256Mi
          resizePolicy:
            - resourceName: cpu
              restartPolicy: NotRequired
            - resourceName: memory
              restartPolicy: RestartContainer
YAML
kubectl rollout status deployment/web -n $ns --timeout=120s
kubectl apply -f - <<'YAML'
apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: web-vpa
  namespace: lab-25
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  updatePolicy:
    updateMode: "Off"
  resourcePolicy:
    containerPolicies:
      - containerName: web
        minAllowed:
          cpu: 50m
          memory: 64Mi
        maxAllowed:
          cpu: "1"
          memory: 512Mi
YAML
