// Checks for lab-05: the quota and LimitRange as written, the defaults as admission filled them in
// (LimitRanger leaves an annotation), and the quota really refusing Pods (the API's own record).
import { condition, defineChecks, match, oneOf, present, some } from '../../checker/index.ts';

const cpu = (...v: string[]) => oneOf(...v);

export default defineChecks({
  quota: async ({ list }) => match(await list('v1', 'ResourceQuota'), some({ spec: { hard: { pods: '5', 'requests.cpu': cpu('2', '2000m') } } })),

  limitrange: async ({ list }) =>
    match(
      await list('v1', 'LimitRange'),
      some({ spec: { limits: some({ type: 'Container', defaultRequest: { cpu: cpu('100m', '0.1'), memory: '128Mi' }, default: { cpu: cpu('500m', '0.5'), memory: '256Mi' } }) } }),
    ),

  'defaults-applied': async ({ get }) =>
    match(await get('v1', 'Pod', 'plain'), {
      metadata: { annotations: { 'kubernetes.io/limit-ranger': present() } },
      spec: { containers: some({ resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } } }) },
    }),

  'quota-full': async ({ get, list }) => {
    const [filler, quotas] = await Promise.all([get('apps/v1', 'Deployment', 'filler'), list('v1', 'ResourceQuota')]);
    return [...match(filler, { spec: { replicas: 6 } }), ...condition(filler, 'ReplicaFailure', 'True'), ...match(quotas, some({ status: { used: { pods: '5' } } }))];
  },
});
