// Checks for lab-06: ownership read from ownerReferences; counts from the Pods themselves.
import { defineChecks, every, filterList, match, observe, ownedBy } from '../../checker/index.ts';

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
    return observe(pods, 'original Pods (cache-a, cache-b) owned by replicaset/cache', 'at least one', adopted.length ? adopted : 'none', { ok: adopted.length > 0 });
  },

  scaled: async ({ get, list }) => {
    const [rs, pods] = await Promise.all([get('apps/v1', 'ReplicaSet', 'cache'), list('v1', 'Pod', { labelSelector: 'app=cache' })]);
    const owned = ownedBy(pods, rs).filter((p) => !p.metadata.deletionTimestamp);
    return [...match(rs, { spec: { replicas: 2 } }), ...observe(pods, 'Pods owned by replicaset/cache', 2, owned.length, { settling: true })];
  },
});
