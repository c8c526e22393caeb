// Checks for lab-16. The node's label and taint, where gpu-pod landed and why it may stay there,
// and the relaxed anti-affinity of spread. Broken start: the fixed objects must keep what the
// originals had (the Pod's selector and container, the Deployment's replicas and container).
import { absent, defineChecks, match, matchesSelector, observe, phrase, rolloutComplete, some, type KObject } from '../../checker/index.ts';

const GPU_NODE = 'wheelhouse-worker';
const HOSTNAME = 'kubernetes.io/hostname';

interface AffinityTerm {
  topologyKey?: string;
  labelSelector?: Parameters<typeof matchesSelector>[0];
}

/** The preferred anti-affinity terms of a Pod template that still spread app=spread Pods by host name. */
function spreadingTerms(deployment: KObject): AffinityTerm[] {
  const preferred: { podAffinityTerm?: AffinityTerm }[] = deployment.spec?.template?.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return preferred.map((p) => p.podAffinityTerm ?? {}).filter((t) => t.topologyKey === HOSTNAME && matchesSelector(t.labelSelector, { app: 'spread' }));
}

export default defineChecks({
  'gpu-node': async ({ get }) => {
    const node = await get('v1', 'Node', GPU_NODE);
    return match(node, {
      metadata: { labels: { gpu: 'true' } },
      spec: { taints: some({ key: 'gpu', value: 'true', effect: 'NoSchedule' }) },
    });
  },

  // The toleration is required even when the Pod got onto the node before the taint did: a
  // recreated Pod (a node failure, a rollout) would not get in again without it.
  'gpu-pod': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'gpu-pod');
    return match(pod, {
      metadata: { labels: { app: 'trainer' } },
      spec: {
        nodeName: GPU_NODE,
        nodeSelector: { gpu: 'true' },
        containers: some({ name: 'trainer', image: 'registry.k8s.io/pause:3.10' }),
        tolerations: some({ key: 'gpu', effect: 'NoSchedule' }),
      },
    });
  },

  'spread-scheduled': async ({ get, list }) => {
    const spread = await get('apps/v1', 'Deployment', 'spread');
    if (!spread) return [];
    const pods = await list('v1', 'Pod', { labelSelector: 'app=spread' });
    const pending = pods.filter((p) => !p.spec?.nodeName && !p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    const preferred = spread.spec?.template?.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    return [
      match(spread, {
        spec: {
          replicas: 3,
          template: {
            spec: {
              containers: some({ name: 'web', image: 'nginx:1.27' }),
              affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: absent() } },
            },
          },
        },
      }),
      observe(
        spread,
        'spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution',
        phrase('someItemLike', { pattern: `{podAffinityTerm: {topologyKey: ${HOSTNAME}, labelSelector: app=spread}}` }),
        preferred?.length ? preferred : phrase('noItems'),
        { ok: spreadingTerms(spread).length > 0 },
      ),
      // Pods without a node are Pending for the scheduler; the rollout may still be replacing them.
      observe(pods, 'status.phase', phrase('not', { value: 'Pending' }), pending.length ? `Pending: ${pending.join(', ')}` : phrase('not', { value: 'Pending' }), { ok: pending.length === 0, settling: true }),
      rolloutComplete(spread),
    ];
  },
});
