// Checks for lab-07, one per task in lab.yaml (clauses listed there). They grade the result, not
// the commands: scale, patch, edit, apply or undo all pass as long as the Deployment ends up right.
// Revisions are read from the ReplicaSets web owns: deployment.kubernetes.io/revision, and
// revision-history, the earlier numbers of a ReplicaSet that was taken back (by undo, or by the
// same Pod template applied again).
import { defineChecks, match, observe, ownedBy, phrase, rolloutComplete, sameImage, type CheckContext, type KObject } from '../../checker/index.ts';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const REVISION = 'deployment.kubernetes.io/revision';
const HISTORY = 'deployment.kubernetes.io/revision-history';
const GOOD = 'nginx:1.27';
const BAD = 'nginx:1.27-nope';

const containersOf = (o: KObject): any[] => o.spec?.template?.spec?.containers ?? [];
/** The Pod template runs `image` in its one container, web (nginx:1.27 however it is spelled). */
const runs = (o: KObject, image: string) => {
  const cs = containersOf(o);
  return cs.length === 1 && cs[0].name === 'web' && sameImage(cs[0].image, image);
};
const revision = (rs: KObject) => Number(rs.metadata.annotations?.[REVISION] ?? 0);
const earlierRevisions = (rs: KObject) =>
  String(rs.metadata.annotations?.[HISTORY] ?? '')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
const describe = (rs: KObject) => `${rs.metadata.name} (revision ${revision(rs)}: ${containersOf(rs).map((c) => c.image).join(', ')})`;

async function replicaSets({ get, list }: CheckContext): Promise<{ web?: KObject; sets: KObject[] }> {
  const web = await get('apps/v1', 'Deployment', 'web');
  if (!web) return { sets: [] };
  return { web, sets: ownedBy(await list('apps/v1', 'ReplicaSet', { labelSelector: 'app=web' }), web) };
}

export default defineChecks({
  'web-scaled': async ({ get }) => {
    const web = await get('apps/v1', 'Deployment', 'web');
    return match(web, { spec: { replicas: 5 } });
  },

  // maxSurge must be the number 1 (a percentage would grow with the replicas); maxUnavailable 0 or 0%.
  'rollout-strategy': async ({ get }) => {
    const web = await get('apps/v1', 'Deployment', 'web');
    if (!web) return [];
    const strategy = web.spec?.strategy ?? {};
    const surge = strategy.rollingUpdate?.maxSurge;
    const unavailable = strategy.rollingUpdate?.maxUnavailable;
    return [
      ...observe(web, 'spec.strategy.type', 'RollingUpdate', strategy.type ?? phrase('nothing'), { ok: (strategy.type ?? 'RollingUpdate') === 'RollingUpdate' }),
      ...observe(web, 'spec.strategy.rollingUpdate.maxSurge (one Pod, whatever the replicas)', 1, surge ?? phrase('nothing')),
      ...observe(web, 'spec.strategy.rollingUpdate.maxUnavailable', phrase('oneOf', { values: '0, 0%' }), unavailable ?? phrase('nothing'), { ok: unavailable === 0 || unavailable === '0%' }),
    ];
  },

  // The revision that ran nginx:1.27 carries a change-cause: that is what `rollout history` shows.
  'image-updated': async (ctx) => {
    const { web, sets } = await replicaSets(ctx);
    if (!web) return [];
    const good = sets.filter((rs) => runs(rs, GOOD));
    const recorded = good.filter((rs) => String(rs.metadata.annotations?.[CHANGE_CAUSE] ?? '').trim() !== '');
    return [
      ...observe(sets, `ReplicaSets of web (a revision running ${GOOD} in its one container, web)`, GOOD, sets.map(describe), { ok: good.length > 0 }),
      ...(good.length
        ? observe(good[0], `metadata.annotations["${CHANGE_CAUSE}"] (what rollout history shows)`, phrase('present'), (recorded[0] ?? good[0]).metadata.annotations?.[CHANGE_CAUSE] ?? phrase('nothing'), { ok: recorded.length > 0 })
        : []),
    ];
  },

  // The bad revision existed; the rollback took back the nginx:1.27 ReplicaSet from before it
  // (under a new number, 4 or more); the bad ReplicaSet has no Pods left.
  'rolled-back': async (ctx) => {
    const { web, sets } = await replicaSets(ctx);
    if (!web) return [];
    const bad = sets.filter((rs) => runs(rs, BAD));
    const current = [...sets].sort((a, b) => revision(b) - revision(a))[0];
    const badRevision = Math.max(0, ...bad.map(revision));
    const back = !!current && runs(current, GOOD) && revision(current) >= 4 && bad.length > 0 && earlierRevisions(current).some((n) => n < badRevision);
    const webImage = containersOf(web).map((c) => c.image);
    return [
      ...observe(sets, `ReplicaSets of web (a revision running ${BAD})`, BAD, sets.map(describe), { ok: bad.length > 0 }),
      ...observe(web, 'spec.template.spec.containers[web].image', GOOD, webImage.length ? webImage.join(', ') : phrase('nothing'), { ok: runs(web, GOOD) }),
      ...observe(
        sets,
        `newest revision (4 or more: the ${GOOD} ReplicaSet from before ${BAD}, taken back)`,
        `${GOOD}, revision >= 4, earlier revision < ${badRevision || '?'}`,
        current ? `${describe(current)}, earlier revisions: ${earlierRevisions(current).join(', ') || 'none'}` : phrase('nothing'),
        { ok: back },
      ),
      ...bad.map((rs) => match(rs, { spec: { replicas: 0 }, status: { replicas: 0 } })),
    ];
  },

  // Needs real containers: on the simulated cluster every Pod is "ready" whatever its image.
  'all-available': async ({ get, list }) => {
    const web = await get('apps/v1', 'Deployment', 'web');
    const slices = await list('discovery.k8s.io/v1', 'EndpointSlice', { labelSelector: 'kubernetes.io/service-name=web' });
    // A slice without ports holds Pods whose container has no port the Service's targetPort names:
    // they are listed, but no traffic reaches them.
    const ready = slices
      .filter((s) => (s.ports ?? []).length > 0)
      .flatMap((s) => s.endpoints ?? [])
      .filter((e: { conditions?: { ready?: boolean } }) => e.conditions?.ready === true).length;
    return [match(web, { spec: { replicas: 5 }, status: { updatedReplicas: 5, availableReplicas: 5 } }), rolloutComplete(web), observe(slices, 'endpoints[ready] of Service web', 5, ready, { settling: true })];
  },
});
