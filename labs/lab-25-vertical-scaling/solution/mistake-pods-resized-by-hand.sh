#!/usr/bin/env bash
# fails: vpa-recommends/pods-unchanged
# Near miss: the recommendation applied by hand to web's running Pods (a resize of each) — in this mode the VPA, and the task, change nothing.
# graded on real nodes (kind tier)
set -euo pipefail
ns=lab-25
# On simulated nodes (kwok) the API server refuses every resize: the resize is for real nodes.
simulated=$(kubectl get node wheelhouse-worker -o jsonpath='{.metadata.annotations.kwok\.x-k8s\.io/node}')

if [ "$simulated" != fake ]; then
  kubectl patch pod resizable -n $ns --subresource resize -p '{"spec":{"containers":[{"name":"app","resources":{"requests":{"cpu":"500m"},"limits":{"cpu":"500m"}}}]}}'
  kubectl wait pod/resizable -n $ns --for=jsonpath='{.status.containerStatuses[0].resources.limits.cpu}'=500m --timeout=120s
fi
kubectl patch deployment web -n $ns -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","resizePolicy":[{"resourceName":"cpu","restartPolicy":"NotRequired"},{"resourceName":"memory","restartPolicy":"RestartContainer"}]}]}}}}'
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
if [ "$simulated" != fake ]; then
  kubectl wait vpa/web-vpa -n $ns --for=condition=RecommendationProvided --timeout=300s
  cpu=$(kubectl get vpa web-vpa -n $ns -o jsonpath='{.status.recommendation.containerRecommendations[0].target.cpu}')
  # The Pods that stay (a Pod of the earlier ReplicaSet may still be terminating: it goes away).
  for p in $(kubectl get pods -n $ns -l app=web -o go-template='{{range .items}}{{if not .metadata.deletionTimestamp}}pod/{{.metadata.name}}{{"\n"}}{{end}}{{end}}'); do
    kubectl patch $p -n $ns --subresource resize -p "{\"spec\":{\"containers\":[{\"name\":\"web\",\"resources\":{\"requests\":{\"cpu\":\"$cpu\"}}}]}}"
  done
fi
