// Checks for lab-06. Ownership is read from ownerReferences; what the ReplicaSet did over time
// (adopted, created, removed) from its own events, "Created pod: X" and "Deleted pod: X", in the
// order it wrote them. A Pod it created that is gone without a "Deleted pod" of its own was
// deleted by hand; so was an original (cache-a, cache-b) gone that way. Clauses: lab.yaml.
import { defineChecks, match, observe, ownedBy, phrase, sameImage, sameObject, type CheckContext, type KObject } from '../../checker/index.ts';

const ORIGINALS = ['cache-a', 'cache-b'];
const IMAGE = 'registry.k8s.io/pause:3.10';

/** Order of an event: the nanoseconds client-go puts in its name (cache.18eed7be583975da), else its time. */
function when(e: KObject): bigint {
  const hex = /\.([0-9a-f]{12,16})$/.exec(e.metadata.name)?.[1];
  if (hex) return BigInt(`0x${hex}`);
  const t = Date.parse(String(e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp ?? 0));
  return BigInt(Number.isNaN(t) ? 0 : t) * 1_000_000n;
}

/** Two of the ReplicaSet's actions this close together come from one sync (a batch of creates). */
const ONE_SYNC_NS = 50_000_000n;

interface History {
  events: KObject[];
  /** The ReplicaSet's actions, oldest first: every ReplicaSet named cache, re-created ones included. */
  actions: { kind: 'create' | 'delete'; pod: string; at: bigint }[];
  created: string[];
  removed: Set<string>;
}

async function history({ list }: CheckContext): Promise<History> {
  const events = await list('v1', 'Event', { fieldSelector: 'involvedObject.kind=ReplicaSet,involvedObject.name=cache' });
  type Action = History['actions'][number];
  const actions = events
    .flatMap((e): Action[] => {
      const msg = String(e.message ?? '');
      const create = e.reason === 'SuccessfulCreate' && /^Created pod:\s*(\S+)/.exec(msg);
      const del = e.reason === 'SuccessfulDelete' && /^Deleted pod:\s*(\S+)/.exec(msg);
      if (create) return [{ kind: 'create', pod: create[1], at: when(e) }];
      if (del) return [{ kind: 'delete', pod: del[1], at: when(e) }];
      return [];
    })
    .sort((a: Action, b: Action) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    events,
    actions,
    created: actions.filter((a) => a.kind === 'create').map((a) => a.pod),
    removed: new Set(actions.filter((a) => a.kind === 'delete').map((a) => a.pod)),
  };
}

/** The selector's requirements in one form (matchLabels become In with one value), sorted. */
function requirements(selector: any): string[] {
  const reqs = [
    ...Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k} In (${v})`),
    ...(selector?.matchExpressions ?? []).map((e: any) => `${e.key} ${e.operator}${e.values ? ` (${[...e.values].sort().join(',')})` : ''}`),
  ];
  return [...new Set(reqs)].sort();
}

const live = (pods: KObject[]) => pods.filter((p) => !p.metadata.deletionTimestamp);
const controlledBy = (pod: KObject, rs: KObject) => (pod.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === rs.metadata.uid);

export default defineChecks({
  'rs-cache': async (ctx) => {
    const [rs, pods, h] = await Promise.all([ctx.get('apps/v1', 'ReplicaSet', 'cache'), ctx.list('v1', 'Pod', { labelSelector: 'app=cache' }), history(ctx)]);
    if (!rs) return [];
    const containers: any[] = rs.spec?.template?.spec?.containers ?? [];
    const replicas = rs.spec?.replicas;
    // replicas-three: 3, or 2 once the ReplicaSet has removed a Pod itself (the scale-down from 3).
    const scaledDown = h.removed.size > 0;
    const threeOk = replicas === 3 || (replicas === 2 && scaledDown);
    const orphans = live(pods).filter((p) => !controlledBy(p, rs)).map((p) => p.metadata.name);
    return [
      ...observe(rs, 'spec.selector (the label app=cache alone)', ['app In (cache)'], requirements(rs.spec?.selector)),
      ...match(rs, { spec: { template: { metadata: { labels: { app: 'cache' } } } } }),
      ...observe(rs, 'spec.template.spec.containers (one container)', 1, containers.length),
      ...observe(rs, 'spec.template.spec.containers[0].image', IMAGE, containers[0]?.image ?? phrase('nothing'), { ok: sameImage(containers[0]?.image, IMAGE) }),
      ...observe(
        rs,
        'spec.replicas (3; 2 after the scale-down, when the ReplicaSet has removed a Pod itself)',
        3,
        replicas === 2 && !scaledDown ? `${replicas}, and the ReplicaSet never removed a Pod: it never ran 3` : replicas,
        // The scale-down's "Deleted pod" event may still be on its way.
        { ok: threeOk, settling: replicas === 2 && !scaledDown },
      ),
      ...observe(pods, 'Pods labelled app=cache not controlled by replicaset/cache', [], orphans, { settling: orphans.length > 0 }),
    ];
  },

  adopted: async (ctx) => {
    const [rs, pods, h] = await Promise.all([ctx.get('apps/v1', 'ReplicaSet', 'cache'), ctx.list('v1', 'Pod'), history(ctx)]);
    if (!rs) return [];
    const byName = new Map(pods.map((p) => [p.metadata.name, p]));
    // originals-kept: each original is here, controlled by cache, or was removed by the ReplicaSet.
    const originals = ORIGINALS.map((name) => {
      const pod = byName.get(name);
      if (h.removed.has(name)) return [name, 'removed by the ReplicaSet'] as const;
      if (!pod) return [name, 'deleted by hand (no "Deleted pod" event of replicaset/cache)'] as const;
      return [name, controlledBy(pod, rs) ? 'controlled by replicaset/cache' : 'not owned by replicaset/cache'] as const;
    });
    const ok = (s: string) => s === 'removed by the ReplicaSet' || s === 'controlled by replicaset/cache';
    // one-created: the ReplicaSet's first sync created exactly one Pod, and removed no original
    // to take over (a ReplicaSet made with fewer replicas deletes one first).
    const first = h.actions[0];
    const firstSync = first ? h.actions.filter((a) => a.at - first.at < ONE_SYNC_NS) : [];
    const takeover = firstSync.filter((a) => a.kind === 'create').length;
    const takeoverFound = !first
      ? phrase('nothing')
      : first.kind === 'delete'
        ? `it first deleted ${first.pod}, then created ${h.created.length}`
        : takeover;
    return [
      ...originals.map(([name, state]) =>
        // A Pod the scale-down just removed may not have its event yet.
        observe(pods, `${name} (adopted and kept: only the scale-down may remove it)`, 'controlled by replicaset/cache', state, { ok: ok(state), settling: !ok(state) }),
      ),
      ...observe(rs, 'events "Created pod" when it took over (cache-a and cache-b adopted, one Pod created)', 1, takeoverFound, {
        ok: first?.kind === 'create' && takeover === 1,
        settling: !first,
      }),
    ];
  },

  healed: async (ctx) => {
    const [rs, pods, h] = await Promise.all([ctx.get('apps/v1', 'ReplicaSet', 'cache'), ctx.list('v1', 'Pod'), history(ctx)]);
    if (!rs) return [];
    const present = new Set(live(pods).map((p) => p.metadata.name));
    // A Pod the ReplicaSet created, gone, not removed by it: deleted by hand. One it created later replaced it.
    const deletedByHand = h.created.filter((name) => !present.has(name) && !h.removed.has(name));
    const first = h.actions.find((a) => a.kind === 'create');
    const later = first ? h.created.length - h.actions.filter((a) => a.kind === 'create' && a.at - first.at < ONE_SYNC_NS).length : 0;
    const replaced = deletedByHand.length > 0 && later > 0;
    return observe(
      rs,
      'events "Created pod" (a Pod it created, deleted by hand, and its replacement)',
      'a Pod created by replicaset/cache deleted, and a new one created in its place',
      deletedByHand.length ? `deleted: ${deletedByHand.join(', ')}; created afterwards: ${later}` : `none of the Pods it created (${h.created.join(', ') || 'none'}) was deleted by hand`,
      { ok: replaced, settling: deletedByHand.length > 0 && later === 0 },
    );
  },

  scaled: async (ctx) => {
    const [rs, pods, h] = await Promise.all([ctx.get('apps/v1', 'ReplicaSet', 'cache'), ctx.list('v1', 'Pod', { labelSelector: 'app=cache' }), history(ctx)]);
    if (!rs) return [];
    const owned = live(ownedBy(pods, rs));
    return [
      ...match(rs, { spec: { replicas: 2 } }),
      ...observe(pods, 'Pods controlled by replicaset/cache', 2, owned.length, { settling: true }),
      ...sameObject(rs, h.events),
    ];
  },
});
