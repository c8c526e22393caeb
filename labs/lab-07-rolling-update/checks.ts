// Checks for lab-07, one per task in lab.yaml. They grade the result, not the commands: scale,
// patch, edit, apply or undo all pass as long as the Deployment ends up right.
import { atLeast, defineChecks, match, observe, ownedBy, present, rolloutComplete, some } from '../../checker/index.ts';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const REVISION = 'deployment.kubernetes.io/revision';

/** A ReplicaSet (or Deployment) whose Pod template runs this image in the container "web". */
const runs = (image: string) => ({ spec: { template: { spec: { containers: some({ name: 'web', image }) } } } });

export default defineChecks({
  'web-scaled': async ({ get }) => {
    const web = await get('apps/v1', 'Deployment', 'web');
    return [match(web, { spec: { replicas: 5 } }), rolloutComplete(web)];
  },

  'rollout-strategy': async ({ get }) => {
    const web = await get('apps/v1', 'Deployment', 'web');
    return match(web, { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } } });
  },

  // The revision that ran nginx:1.27 carries a change-cause: that is what `rollout history` shows.
  'image-updated': async ({ get, list }) => {
    const web = await get('apps/v1', 'Deployment', 'web');
    if (!web) return [];
    const replicaSets = ownedBy(await list('apps/v1', 'ReplicaSet', { labelSelector: 'app=web' }), web);
    return match(replicaSets, some({ ...runs('nginx:1.27'), metadata: { annotations: { [CHANGE_CAUSE]: present() } } }));
  },

  // After the bad tag and the undo: at least four revisions, the bad ReplicaSet scaled to zero,
  // and the Deployment back on nginx:1.27 with its rollout complete.
  'rolled-back': async ({ get, list }) => {
    const web = await get('apps/v1', 'Deployment', 'web');
    if (!web) return [];
    const replicaSets = ownedBy(await list('apps/v1', 'ReplicaSet', { labelSelector: 'app=web' }), web);
    return [
      match(web, { metadata: { annotations: { [REVISION]: atLeast(4) } }, ...runs('nginx:1.27') }),
      // status.replicas reaches 0 once the controller has deleted the Pods: it may still be settling.
      match(replicaSets, some({ ...runs('nginx:1.27-nope'), spec: { replicas: 0 }, status: { replicas: 0 } })),
      rolloutComplete(web),
    ];
  },

  // Needs real containers: on the simulated cluster every Pod is "ready" whatever its image.
  'all-available': async ({ get, list }) => {
    const web = await get('apps/v1', 'Deployment', 'web');
    const slices = await list('discovery.k8s.io/v1', 'EndpointSlice', { labelSelector: 'kubernetes.io/service-name=web' });
    const ready = slices.flatMap((s) => s.endpoints ?? []).filter((e: { conditions?: { ready?: boolean } }) => e.conditions?.ready === true).length;
    return [match(web, { status: { availableReplicas: 5 } }), observe(slices, 'endpoints[ready]', 5, ready, { settling: true })];
  },
});
