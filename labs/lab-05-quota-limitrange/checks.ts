// Checks for lab-05: the quota and LimitRange as written, the defaults as admission filled them in
// (LimitRanger leaves an annotation), and the quota really refusing Pods (the API's own record).
import { condition, defineChecks, match, oneOf, present, some, type KObject } from '../../checker/index.ts';

const cpu = (...v: string[]) => oneOf(...v);

/**
 * `pods` and `count/pods` cap the same thing, as do `cpu` and `requests.cpu`: name them the short
 * way in place (the list keeps its query for messages) so one pattern grades both spellings.
 */
function sameNames(quotas: KObject[]): KObject[] {
  for (const q of quotas) {
    for (const side of [q.spec?.hard, q.status?.hard, q.status?.used]) {
      if (!side) continue;
      if (side.pods === undefined && side['count/pods'] !== undefined) side.pods = side['count/pods'];
      if (side['requests.cpu'] === undefined && side.cpu !== undefined) side['requests.cpu'] = side.cpu;
    }
  }
  return quotas;
}

export default defineChecks({
  quota: async ({ list }) => match(sameNames(await list('v1', 'ResourceQuota')), some({ spec: { hard: { pods: '5', 'requests.cpu': cpu('2', '2000m') } } })),

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

  // The quota really bites: the Deployment's ReplicaSet was refused Pods, the quota counts 5, and
  // the API server refuses (in a dry run, nothing stored) one more Pod of any kind.
  'quota-full': async ({ get, list, admits }) => {
    const [filler, quotas] = await Promise.all([get('apps/v1', 'Deployment', 'filler'), list('v1', 'ResourceQuota').then(sameNames)]);
    if (!filler) return [];
    const oneMore = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'one-more' }, spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10' }] } };
    return [
      ...match(filler, { spec: { replicas: 6 } }),
      ...condition(filler, 'ReplicaFailure', 'True'),
      ...match(quotas, some({ status: { used: { pods: '5' } } })),
      // The ReplicaSet may still be creating Pods: until the quota is full this answer can change.
      { ...(await admits(oneMore, { expect: false })), settling: true },
    ];
  },
});
