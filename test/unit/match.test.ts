import { describe, expect, it } from 'vitest';
import { absent, atLeast, atMost, every, exactly, match, matching, not, observe, oneOf, ownedBy, present, some } from '../../checker/index.ts';
import { AuthoringError, tagList } from '../../checker/checks/match.ts';
import { jsonPath } from '../../checker/checks/kubectl.ts';
import type { KObject } from '../../checker/cluster/types.ts';
import type { Observation, Phrase } from '../../checker/checks/observation.ts';

const deployment: KObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'lab-07', uid: 'd1', labels: { app: 'web', 'app.kubernetes.io/part-of': 'shop' } },
  spec: {
    replicas: 3,
    template: {
      spec: {
        containers: [
          { name: 'web', image: 'nginx:1.26', ports: [{ containerPort: 80 }] },
          { name: 'log', image: 'busybox:1.36' },
        ],
      },
    },
  },
  status: { availableReplicas: 2 },
};

const failing = (obs: Observation[]) => obs.filter((o) => !o.ok);
const key = (v: unknown) => (v as Phrase).key;
const params = (v: unknown) => (v as Phrase).params;

describe('match on one object', () => {
  it('reports every leaf with its own path, expected and found', () => {
    const obs = match(deployment, { spec: { replicas: 5 }, metadata: { labels: { app: 'web' } } });
    expect(obs.map((o) => [o.path, o.expected, o.found, o.ok])).toEqual([
      ['spec.replicas', 5, 3, false],
      ['metadata.labels.app', 'web', 'web', true],
    ]);
    expect(obs[0].subject).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'lab-07' });
    expect(obs[0].kubectl).toBe(`kubectl get deployment web -n lab-07 -o jsonpath='{.spec.replicas}'`);
  });

  it('reports all mismatches, not only the first', () => {
    const obs = match(deployment, { spec: { replicas: 5, strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } } });
    expect(failing(obs).map((o) => o.path)).toEqual(['spec.replicas', 'spec.strategy.rollingUpdate.maxSurge', 'spec.strategy.rollingUpdate.maxUnavailable']);
    expect(obs[1].found).toBeUndefined();
  });

  it('names keys with dots and slashes so kubectl jsonpath can find them', () => {
    const [o] = match(deployment, { metadata: { labels: { 'app.kubernetes.io/part-of': 'shop' } } });
    expect(o.path).toBe('metadata.labels["app.kubernetes.io/part-of"]');
    expect(o.ok).toBe(true);
    expect(jsonPath(['metadata', 'labels', 'app.kubernetes.io/part-of'])).toBe('{.metadata.labels.app\\.kubernetes\\.io/part-of}');
  });

  it('marks status fields as settling and spec fields as not', () => {
    const obs = match(deployment, { spec: { replicas: 3 }, status: { availableReplicas: 3 } });
    expect(obs.map((o) => [o.path, o.settling ?? false])).toEqual([
      ['spec.replicas', false],
      ['status.availableReplicas', true],
    ]);
    expect(match(deployment, { spec: { replicas: 4 } }, { settling: true })[0].settling).toBe(true);
  });

  it('says nothing about a missing object: get() has reported it already', () => {
    expect(match(undefined, { spec: { replicas: 5 } })).toEqual([]);
  });

  it('refuses a bare array in a pattern: the author must say some, every or exactly', () => {
    expect(() => match(deployment, { spec: { template: { spec: { containers: [{ image: 'nginx:1.27' }] } } } })).toThrow(AuthoringError);
    expect(() => match(deployment, { spec: { template: { spec: { containers: [{ image: 'nginx:1.27' }] } } } })).toThrow(/spec.template.spec.containers: use some/);
  });
});

describe('arrays: some, every, exactly', () => {
  const containers = (pattern: unknown) => match(deployment, { spec: { template: { spec: { containers: pattern } } } });

  it('some passes when one item matches, and reports that item', () => {
    const obs = containers(some({ name: 'log', image: 'busybox:1.36' }));
    expect(obs.every((o) => o.ok)).toBe(true);
    expect(obs.map((o) => o.path)).toEqual(['spec.template.spec.containers[1].name', 'spec.template.spec.containers[1].image']);
  });

  it('some reports the closest item when none matches, with its index in the path', () => {
    const obs = containers(some({ name: 'web', image: 'nginx:1.27' }));
    expect(failing(obs).map((o) => [o.path, o.expected, o.found])).toEqual([['spec.template.spec.containers[0].image', 'nginx:1.27', 'nginx:1.26']]);
  });

  it('some on an empty or missing array says there are no items', () => {
    const obs = match({ ...deployment, spec: { template: { spec: { containers: [] } } } }, { spec: { template: { spec: { containers: some({ name: 'x' }) } } } });
    expect(obs).toHaveLength(1);
    expect(obs[0].ok).toBe(false);
    expect(key(obs[0].expected)).toBe('someItemLike');
    expect(key(obs[0].found)).toBe('noItems');
    const missing = match(deployment, { spec: { volumes: some({ name: 'x' }) } });
    expect(missing[0].found).toBeUndefined();
  });

  it('every reports each item that does not match', () => {
    const obs = containers(every({ image: matching(/^nginx:/) }));
    expect(failing(obs).map((o) => [o.path, o.found])).toEqual([['spec.template.spec.containers[1].image', 'busybox:1.36']]);
    expect(containers(every({ name: present() })).every((o) => o.ok)).toBe(true);
  });

  it('every passes on an empty list but not on a missing one', () => {
    const empty = match({ ...deployment, spec: { list: [] } }, { spec: { list: every({ a: 1 }) } });
    expect(empty.every((o) => o.ok)).toBe(true);
    const missing = match(deployment, { spec: { list: every({ a: 1 }) } });
    expect(missing[0].ok).toBe(false);
  });

  it('exactly checks the count and each item in order', () => {
    const right = containers(exactly([{ name: 'web' }, { name: 'log' }]));
    expect(right.every((o) => o.ok)).toBe(true);
    const swapped = containers(exactly([{ name: 'log' }, { name: 'web' }]));
    expect(failing(swapped).map((o) => o.path)).toEqual(['spec.template.spec.containers[0].name', 'spec.template.spec.containers[1].name']);
    const short = containers(exactly([{ name: 'web' }]));
    expect(failing(short).map((o) => [o.path, params(o.found)])).toEqual([['spec.template.spec.containers', { count: 2 }]]);
  });

  it('nests: a port inside a container', () => {
    expect(containers(some({ ports: some({ containerPort: 80 }) })).every((o) => o.ok)).toBe(true);
    expect(containers(some({ ports: some({ containerPort: 8080 }) })).some((o) => !o.ok)).toBe(true);
  });
});

describe('value rules', () => {
  const obj: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'n', annotations: { rev: '4' } }, data: { a: 'x', empty: '' } };
  const ok = (pattern: unknown) => match(obj, pattern).every((o) => o.ok);

  it('atLeast and atMost read numbers and numeric strings (annotations are strings)', () => {
    expect(ok({ metadata: { annotations: { rev: atLeast(4) } } })).toBe(true);
    expect(ok({ metadata: { annotations: { rev: atLeast(5) } } })).toBe(false);
    expect(ok({ metadata: { annotations: { rev: atMost(4) } } })).toBe(true);
    expect(ok({ metadata: { annotations: { missing: atLeast(0) } } })).toBe(false);
  });

  it('present, absent, oneOf, not', () => {
    expect(ok({ data: { a: present() } })).toBe(true);
    expect(ok({ data: { empty: present() } })).toBe(false);
    expect(ok({ data: { b: absent() } })).toBe(true);
    expect(ok({ data: { a: absent() } })).toBe(false);
    expect(ok({ data: { a: oneOf('x', 'y') } })).toBe(true);
    expect(ok({ data: { a: oneOf('y', 'z') } })).toBe(false);
    expect(ok({ data: { a: not('y') } })).toBe(true);
    expect(ok({ data: { a: not('x') } })).toBe(false);
  });

  it('plain values compare exactly: 1 is not "1"', () => {
    expect(ok({ data: { a: 'x' } })).toBe(true);
    expect(match({ ...obj, spec: { n: '1' } }, { spec: { n: 1 } })[0].ok).toBe(false);
  });
});

describe('lists from the cluster', () => {
  const rs = (name: string, image: string, replicas: number, owner = 'd1'): KObject => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'lab-07', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: owner }] },
    spec: { replicas, template: { spec: { containers: [{ name: 'web', image }] } } },
  });
  const list = () => tagList([rs('web-a', 'nginx:1.26', 0), rs('web-b', 'nginx:1.27', 5), rs('other', 'nginx:1.27', 1, 'd2')], { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'lab-07', labelSelector: 'app=web', list: true });

  it('names the item object itself, not list[1]', () => {
    const obs = match(list(), some({ metadata: { name: 'web-b' }, spec: { replicas: 0, template: { spec: { containers: some({ image: 'nginx:1.27' }) } } } }));
    const bad = failing(obs)[0];
    expect(bad.subject).toMatchObject({ kind: 'ReplicaSet', name: 'web-b' });
    expect(bad.path).toBe('spec.replicas');
  });

  it('ownedBy keeps the objects a controller owns, and the list query for messages', () => {
    const owned = ownedBy(list(), { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', uid: 'd1' } });
    expect(owned.map((o) => o.metadata.name)).toEqual(['web-a', 'web-b']);
    const none = match(ownedBy(list(), undefined), some({ spec: { replicas: 1 } }));
    expect(none[0].subject).toMatchObject({ kind: 'ReplicaSet', labelSelector: 'app=web' });
    expect(none[0].kubectl).toBe('kubectl get replicaset -n lab-07 -l app=web');
  });

  it('a list needs a list rule', () => {
    expect(() => match(list(), { spec: { replicas: 1 } })).toThrow(AuthoringError);
  });

  it('observe makes a hand-made observation about a list', () => {
    const [o] = observe(list(), 'items[ready]', 5, 3, { settling: true });
    expect(o).toMatchObject({ path: 'items[ready]', expected: 5, found: 3, ok: false, settling: true });
    expect(o.kubectl).toBe('kubectl get replicaset -n lab-07 -l app=web');
  });
});

describe('oneOf with a single value', () => {
  it('reads as that value', async () => {
    const { match, oneOf } = await import('../../checker/checks/match.ts');
    const { observationMessage } = await import('../../checker/report/words.ts');
    const [o] = match({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: 'b' } }, { data: { k: oneOf('a') } });
    expect(o.ok).toBe(false);
    expect(observationMessage(o, 'en')).toMatch(/expected a, found b/);
  });
});
