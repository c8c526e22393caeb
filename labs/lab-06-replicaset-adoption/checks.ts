// Checks for lab-06: ownership read from ownerReferences; counts from the Pods themselves; the
// replacement of a deleted Pod from the ReplicaSet's own events.
import { defineChecks, every, filterList, match, observe, ownedBy, phrase } from '../../checker/index.ts';

const ORIGINALS = ['cache-a', 'cache-b'];

export default defineChecks({
  'rs-cache': async ({ get, list }) => {
    const [rs, pods] = await Promise.all([get('apps/v1', 'ReplicaSet', 'cache'), list('v1', 'Pod', { labelSelector: 'app=cache' })]);
    if (!rs) return [];
    const orphans = pods.filter((p) => !ownedBy([p], rs).length).map((p) => p.metadata.name);
    return [
      ...match(rs, { spec: { selector: { matchLabels: { app: 'cache' } }, template: { metadata: { labels: { app: 'cache' } }, spec: { containers: every({ image: 'registry.k8s.io/pause:3.10' }) } } } }),
      ...observe(pods, 'Pods labelled app=cache not owned by replicaset/cache', [], orphans, { settling: orphans.length > 0 }),
    ];
  },

  adopted: async ({ get, list }) => {
    const [rs, pods] = await Promise.all([get('apps/v1', 'ReplicaSet', 'cache'), list('v1', 'Pod', { labelSelector: 'app=cache' })]);
    const adopted = ownedBy(filterList(pods, (p) => ORIGINALS.includes(p.metadata.name)), rs).map((p) => p.metadata.name);
    return observe(pods, 'original Pods (cache-a, cache-b) owned by replicaset/cache', phrase('atLeast', { value: 1 }), adopted.length ? adopted.join(', ') : phrase('nothing'), { ok: adopted.length > 0 });
  },

  // Self-healing leaves a trace in the API: the ReplicaSet's SuccessfulCreate events, one per Pod
  // it made ("Created pod: cache-x7k2p"). Adopting both bare Pods needed one; a second means it
  // replaced a Pod that was deleted. Events of an earlier ReplicaSet of the same name do not count.
  healed: async ({ get, list }) => {
    const rs = await get('apps/v1', 'ReplicaSet', 'cache');
    if (!rs) return [];
    const events = await list('v1', 'Event', { fieldSelector: 'involvedObject.kind=ReplicaSet,involvedObject.name=cache,reason=SuccessfulCreate' });
    const created = new Set(
      events.filter((e) => e.involvedObject?.uid === rs.metadata.uid).map((e) => String(e.message ?? '').replace(/^Created pod:\s*/, '')),
    );
    return observe(rs, 'events[reason=SuccessfulCreate]', phrase('atLeast', { value: 2 }), created.size, { ok: created.size >= 2, settling: true });
  },

  scaled: async ({ get, list }) => {
    const [rs, pods] = await Promise.all([get('apps/v1', 'ReplicaSet', 'cache'), list('v1', 'Pod', { labelSelector: 'app=cache' })]);
    const owned = ownedBy(pods, rs).filter((p) => !p.metadata.deletionTimestamp);
    return [...match(rs, { spec: { replicas: 2 } }), ...observe(pods, 'Pods owned by replicaset/cache', 2, owned.length, { settling: true })];
  },
});
