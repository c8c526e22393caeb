// Checks for lab-05: what the quotas and LimitRanges do (every object of the namespace together,
// quantities compared by value: 0.1 is 100m, 134217728 is 128Mi), the defaults as admission filled
// them in (LimitRanger says which in an annotation), and the quota really refusing Pods.
import { condition, defineChecks, exactly, image, match, observe, parseQuantity, phrase, quantity, sameQuantity, type KObject } from '../../checker/index.ts';

/** Names of one cap: count/pods caps Pod objects as pods does (here the same), cpu is requests.cpu. */
const CAP: Record<string, string> = { pods: 'pods', 'count/pods': 'pods', 'requests.cpu': 'requests.cpu', cpu: 'requests.cpu' };

/** The namespace's caps, all quotas together: the lowest hard value of each, under its short name. */
function caps(quotas: KObject[], side: (q: KObject) => Record<string, string> | undefined = (q) => q.spec?.hard): Map<string, string> {
  const out = new Map<string, string>();
  for (const q of quotas) {
    for (const [name, value] of Object.entries(side(q) ?? {})) {
      const key = CAP[name] ?? name;
      const before = out.get(key);
      if (before === undefined || (parseQuantity(value) ?? Infinity) < (parseQuantity(before) ?? Infinity)) out.set(key, value);
    }
  }
  return out;
}

const WANT = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } } as const;

/**
 * What a container without resources gets, from every Container item of every LimitRange (the API
 * server has already filled default from max, and defaultRequest from default). Several values for
 * one resource would be applied in no fixed order: all of them must be the wanted one.
 */
function defaultsOf(ranges: KObject[], field: 'defaultRequest' | 'default', resource: 'cpu' | 'memory'): string[] {
  const items = ranges.flatMap((r) => (r.spec?.limits ?? []) as { type?: string; default?: Record<string, string>; defaultRequest?: Record<string, string> }[]);
  return [...new Set(items.filter((i) => i.type === 'Container' && i[field]?.[resource] !== undefined).map((i) => i[field]![resource]))];
}

/** The resources LimitRanger says it set on `container`: "cpu, memory request for container plain; cpu limit for container plain". */
function setByLimitRanger(pod: KObject, container: string): Set<string> {
  const note = String(pod.metadata.annotations?.['kubernetes.io/limit-ranger'] ?? '').replace(/^LimitRanger plugin set:\s*/, '');
  const out = new Set<string>();
  for (const part of note.split(';')) {
    const m = /^\s*(.+) (request|limit) for (?:init )?container (\S+)\s*$/.exec(part);
    if (!m || m[3] !== container) continue;
    for (const r of m[1].split(',')) out.add(`${m[2] === 'request' ? 'requests' : 'limits'}.${r.trim()}`);
  }
  return out;
}

/** LimitRanger's annotation for a container whose every resource it set: "LimitRanger plugin set: cpu, memory request for container plain; …". */
function limitRangerNote(resources: string[], container: string): string {
  const of = (side: string) => resources.filter((r) => r.startsWith(`${side}.`)).map((r) => r.slice(side.length + 1));
  const parts = [['requests', 'request'], ['limits', 'limit']].filter(([side]) => of(side).length).map(([side, word]) => `${of(side).join(', ')} ${word} for container ${container}`);
  return parts.length ? `LimitRanger plugin set: ${parts.join('; ')}` : '-';
}

export default defineChecks({
  // pods (5), requests-cpu (2), nothing-else (no other cap, no scope): every quota of the namespace
  // together, so one quota or one per cap grade the same.
  quota: async ({ list }) => {
    const quotas = await list('v1', 'ResourceQuota');
    if (!quotas.length) return observe(quotas, '', phrase('someItemLike', { pattern: 'ResourceQuota' }), phrase('noItems'), { ok: false });
    const hard = caps(quotas);
    const others = [...hard.keys()].filter((k) => k !== 'pods' && k !== 'requests.cpu');
    const scoped = quotas.filter((q) => q.spec?.scopes?.length || q.spec?.scopeSelector).map((q) => q.metadata.name);
    return [
      ...observe(quotas, 'spec.hard.pods', '5', hard.get('pods'), { ok: sameQuantity(hard.get('pods'), 5) }),
      ...observe(quotas, 'spec.hard["requests.cpu"]', '2', hard.get('requests.cpu'), { ok: sameQuantity(hard.get('requests.cpu'), 2) }),
      ...observe(quotas, 'spec.hard', 'pods, requests.cpu', [...hard.keys()].sort().join(', '), { ok: others.length === 0 }),
      ...observe(quotas, 'spec.scopes, spec.scopeSelector', phrase('absent'), scoped.length ? scoped.join(', ') : undefined, { ok: scoped.length === 0 }),
    ];
  },

  // requests (100m CPU, 128Mi memory) and limits (500m, 256Mi) that a container without resources gets.
  limitrange: async ({ list }) => {
    const ranges = await list('v1', 'LimitRange');
    return (['defaultRequest', 'default'] as const).flatMap((field) =>
      (['cpu', 'memory'] as const).flatMap((resource) => {
        const want = WANT[field === 'default' ? 'limits' : 'requests'][resource];
        const found = defaultsOf(ranges, field, resource);
        return observe(ranges, `spec.limits[?(@.type=="Container")].${field}.${resource}`, want, found.length ? found.join(', ') : undefined, {
          ok: found.length > 0 && found.every((v) => sameQuantity(v, want)),
        });
      }),
    );
  },

  // pod (plain, one container from registry.k8s.io/pause:3.10), no-resources (whatever it has, the
  // LimitRanger set: its manifest had none), defaults (requests 100m/128Mi, limits 500m/256Mi).
  'defaults-applied': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'plain');
    if (!pod) return [];
    const c = pod.spec?.containers?.[0] ?? {};
    const present = ['requests', 'limits'].flatMap((side) => Object.keys(c.resources?.[side] ?? {}).map((r) => `${side}.${r}`));
    const byAdmission = setByLimitRanger(pod, c.name);
    const written = present.filter((r) => !byAdmission.has(r));
    return [
      ...match(pod, { spec: { containers: exactly([{ image: image('registry.k8s.io/pause:3.10') }]) } }),
      // What the annotation says when admission set every value the container has (and so the manifest none).
      ...observe(pod, 'metadata.annotations["kubernetes.io/limit-ranger"]', limitRangerNote(present, c.name), pod.metadata.annotations?.['kubernetes.io/limit-ranger'], { ok: written.length === 0 }),
      ...match(pod, {
        spec: {
          containers: exactly([
            {
              resources: {
                requests: { cpu: quantity(WANT.requests.cpu), memory: quantity(WANT.requests.memory) },
                limits: { cpu: quantity(WANT.limits.cpu), memory: quantity(WANT.limits.memory) },
              },
            },
          ]),
        },
      }),
    ];
  },

  // deployment (filler from registry.k8s.io/pause:3.10), replicas (6 asked), full (the quota counts
  // as many Pods as it allows, the ReplicaSet was refused the rest, and the API server refuses, in a
  // dry run that stores nothing, one more Pod of any kind).
  'quota-full': async ({ get, list, admits }) => {
    const [filler, quotas] = await Promise.all([get('apps/v1', 'Deployment', 'filler'), list('v1', 'ResourceQuota')]);
    if (!filler) return [];
    const [hard, used] = [caps(quotas), caps(quotas, (q) => q.status?.used)];
    const oneMore = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'one-more' }, spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10' }] } };
    return [
      ...match(filler, { spec: { replicas: 6, template: { spec: { containers: exactly([{ image: image('registry.k8s.io/pause:3.10') }]) } } } }),
      ...condition(filler, 'ReplicaFailure', 'True'),
      ...observe(quotas, 'status.used.pods', hard.get('pods') ?? '5', used.get('pods'), { ok: used.get('pods') !== undefined && sameQuantity(used.get('pods'), hard.get('pods') ?? 5), settling: true }),
      // The ReplicaSet may still be creating Pods: until the quota is full this answer can change.
      { ...(await admits(oneMore, { expect: false })), settling: true },
    ];
  },
});
