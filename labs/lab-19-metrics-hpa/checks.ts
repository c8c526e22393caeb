// Checks for lab-19. The Deployment's request and the HPA's spec are API objects and graded
// everywhere; metrics exist only where metrics-server scrapes real kubelets, so the metrics API
// and the scaling are graded on kind only.
import { atLeast, condition, defineChecks, match, oneOf, rolloutComplete, some } from '../../checker/index.ts';

export default defineChecks({
  // Needs real nodes: the APIService is Available only when metrics-server answers.
  'metrics-api': async ({ get }) => condition(await get('apiregistration.k8s.io/v1', 'APIService', 'v1beta1.metrics.k8s.io'), 'Available'),

  'cpu-request': async ({ get }) => {
    const web = await get('apps/v1', 'Deployment', 'web');
    return [
      match(web, { spec: { template: { spec: { containers: some({ name: 'web', resources: { requests: { cpu: oneOf('100m', '0.1') }, limits: { cpu: oneOf('500m', '0.5') } } }) } } } }),
      rolloutComplete(web),
    ];
  },

  'hpa-spec': async ({ get }) =>
    match(await get('autoscaling/v2', 'HorizontalPodAutoscaler', 'web'), {
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 5,
        metrics: some({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }),
      },
    }),

  'scale-down-window': async ({ get }) =>
    match(await get('autoscaling/v2', 'HorizontalPodAutoscaler', 'web'), { spec: { behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } }),

  // Needs real nodes: the HPA has measured CPU and scaled the Deployment beyond one replica.
  'scaled-out': async ({ get }) => {
    const hpa = await get('autoscaling/v2', 'HorizontalPodAutoscaler', 'web');
    return [...condition(hpa, 'ScalingActive'), ...match(hpa, { status: { currentMetrics: some({ resource: { name: 'cpu' } }), desiredReplicas: atLeast(2), currentReplicas: atLeast(2) } })];
  },
});
