// `lab reset` empties the lab's namespaces in place and never waits for the namespace controller;
// other namespaces of the lab are deleted. An in-memory API stands in for the cluster, with just
// enough of a control plane: collection deletes, a ReplicaSet controller that makes a Pod again,
// and the controllers that put back a namespace's default ServiceAccount.
import { describe, expect, it } from 'vitest';
import { FakeKubeApi, matches } from '../support/fake-kube-api.ts';
import { sweep, labSweep } from '../../checker/lifecycle/reset.ts';
import type { Marker } from '../../checker/lifecycle/marker.ts';
import type { DeleteResult } from '../../checker/lifecycle/kube-api.ts';
import type { ResourceType } from '../../checker/cluster/transport.ts';
import type { KObject } from '../../checker/cluster/types.ts';

const type = (group: string, resource: string, kind: string, namespaced = true): ResourceType => ({
  group,
  version: 'v1',
  resource,
  kind,
  namespaced,
  verbs: ['list', 'get', 'delete', 'deletecollection', 'create'],
});
const TYPES = [
  type('', 'pods', 'Pod'),
  type('', 'configmaps', 'ConfigMap'),
  type('', 'serviceaccounts', 'ServiceAccount'),
  type('', 'events', 'Event'),
  type('apps', 'replicasets', 'ReplicaSet'),
  type('', 'persistentvolumes', 'PersistentVolume', false),
];
const LAB = 'wheelhouse.dev/lab';

/** Collection deletes, listing a namespaced type across namespaces, and two controllers. */
class Cluster extends FakeKubeApi {
  /** Pods the ReplicaSet controller makes again after their deletion, while its ReplicaSet exists. */
  remakes = 1;
  /** Looks at the lab namespace's pods (the sweep's listing). */
  podLooks = 0;
  /** Objects whose finalizer nobody removes: marked for deletion, never gone. */
  stuck = new Set<string>();
  /** A namespace being deleted goes after this many looks at it. */
  goneAfter = new Map<string, number>();

  constructor(objects: Record<string, KObject>) {
    super(objects);
    this.types = TYPES;
  }

  override async list(path: string, query: Record<string, string> = {}): Promise<KObject[]> {
    const parts = path.split('/');
    const t = TYPES.find((x) => x.resource === parts.at(-1));
    if (path.includes('/pods')) this.podLooks++;
    if (t?.namespaced && !path.includes('/namespaces/')) {
      // Every namespace: /api/v1/pods lists /api/v1/namespaces/*/pods/*.
      const base = path.split('/').slice(0, -1).join('/');
      const items = [...this.objects.entries()].filter(([p]) => p.startsWith(`${base}/namespaces/`) && p.split('/').at(-2) === t.resource).map(([, o]) => structuredClone(o));
      return items.filter((o) => matches(o, query.labelSelector));
    }
    return super.list(path, query);
  }

  override async get(path: string): Promise<KObject | undefined> {
    const left = this.goneAfter.get(path);
    if (left !== undefined) {
      if (left <= 0) {
        this.objects.delete(path);
        this.goneAfter.delete(path);
      } else this.goneAfter.set(path, left - 1);
    }
    return super.get(path);
  }

  override async delete(path: string): Promise<DeleteResult> {
    this.writes.push(`DELETE ${path}`);
    const last = path.split('/').at(-1)!;
    if (TYPES.some((t) => t.resource === last)) {
      // A collection: everything right under it.
      const members = [...this.objects.keys()].filter((p) => p.startsWith(`${path}/`) && p.split('/').length === path.split('/').length + 1);
      for (const p of members) {
        if (this.stuck.has(p)) this.objects.get(p)!.metadata.deletionTimestamp = '2026-12-07T00:00:00Z';
        else this.objects.delete(p);
      }
      const ns = path.split('/')[4];
      // The controllers put the default ServiceAccount back at once.
      if (last === 'serviceaccounts') this.objects.set(`${path}/default`, sa(ns, 'default'));
      // The ReplicaSet controller, one step behind: its Pod comes back while the ReplicaSet is there.
      if (last === 'pods' && this.remakes > 0 && this.objects.has(`/apis/apps/v1/namespaces/${ns}/replicasets/web`)) {
        this.remakes--;
        this.objects.set(`${path}/web-again`, pod(ns, 'web-again'));
      }
      return members.length ? 'deleted' : 'absent';
    }
    if (/^\/api\/v1\/namespaces\/[^/]+$/.test(path) && this.objects.has(path)) {
      const ns = this.objects.get(path)!;
      ns.metadata.deletionTimestamp = '2026-12-07T00:00:00Z';
      if (!this.goneAfter.has(path)) this.goneAfter.set(path, 3);
      return 'pending';
    }
    return this.objects.delete(path) ? 'deleted' : 'absent';
  }
}

const nsObject = (name: string, labels: Record<string, string>, annotations?: Record<string, string>): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels, annotations } });
const pod = (ns: string, name: string): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns } });
const sa = (ns: string, name: string): KObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns } });
const marker: Marker = { id: 'm', provider: 'kwok', name: 'wheelhouse', createdAt: '2026-11-01T00:00:00Z', nodes: [] };
const setupMeta = { labels: { [LAB]: 'lab-07' }, annotations: { note: 'from the setup' } };

/** lab-07 after a learner's work: a relabelled namespace, a ReplicaSet with its Pod, a ConfigMap, events, a labelled PV. */
function learnerWasHere(): Cluster {
  return new Cluster({
    '/api/v1/namespaces/lab-07': nsObject('lab-07', { [LAB]: 'lab-07', 'kubernetes.io/metadata.name': 'lab-07', 'pod-security.kubernetes.io/enforce': 'restricted' }, { 'kubectl.kubernetes.io/last-applied-configuration': '{}', mine: 'x' }),
    '/apis/apps/v1/namespaces/lab-07/replicasets/web': { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'lab-07' } },
    '/api/v1/namespaces/lab-07/pods/web-1': pod('lab-07', 'web-1'),
    '/api/v1/namespaces/lab-07/configmaps/settings': { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'lab-07' } },
    '/api/v1/namespaces/lab-07/configmaps/kube-root-ca.crt': { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'lab-07' } },
    '/api/v1/namespaces/lab-07/serviceaccounts/default': sa('lab-07', 'default'),
    '/api/v1/namespaces/lab-07/events/e1': { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e1', namespace: 'lab-07' } },
    '/api/v1/persistentvolumes/data': { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'data', labels: { [LAB]: 'lab-07' } } },
    '/api/v1/namespaces/elsewhere': nsObject('elsewhere', {}),
    '/api/v1/namespaces/elsewhere/configmaps/keep': { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep', namespace: 'elsewhere' } },
  });
}

describe('sweep for a reset (the namespace is kept)', () => {
  it('empties the namespace in place, puts back its setup labels and annotations, and leaves other namespaces alone', async () => {
    const api = learnerWasHere();
    const report = await sweep(api, marker, { ...labSweep({ id: 'lab-07', namespace: 'lab-07' }), keep: { 'lab-07': setupMeta } }, { provider: 'kwok', deadlineMs: 10_000 });
    expect(report.namespaces).toEqual(['lab-07']);
    const left = [...api.objects.keys()].filter((p) => p.includes('/namespaces/lab-07/')).sort();
    // Only what the controllers make again in every namespace.
    expect(left).toEqual(['/api/v1/namespaces/lab-07/serviceaccounts/default']);
    const ns = api.objects.get('/api/v1/namespaces/lab-07')!;
    expect(ns.metadata.deletionTimestamp).toBeUndefined();
    expect(ns.metadata.labels).toEqual({ [LAB]: 'lab-07', 'kubernetes.io/metadata.name': 'lab-07' });
    const { 'wheelhouse.dev/run-started': started, ...annotations } = ns.metadata.annotations ?? {};
    expect(annotations).toEqual({ note: 'from the setup', 'kubectl.kubernetes.io/last-applied-configuration': '{}' });
    // When this run began: the checks count only events from then on.
    expect(started).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(left.filter((p) => p.includes('/events/'))).toEqual([]);
    expect(api.objects.has('/api/v1/persistentvolumes/data')).toBe(false);
    expect(api.objects.has('/api/v1/namespaces/elsewhere/configmaps/keep')).toBe(true);
    expect(api.writes).not.toContain('DELETE /api/v1/namespaces/lab-07');
  });

  it('deletes again what a controller made meanwhile, and counts the namespace empty only on two full looks in a row', async () => {
    const api = learnerWasHere();
    api.remakes = 1;
    await sweep(api, marker, { ...labSweep({ id: 'lab-07', namespace: 'lab-07' }), keep: { 'lab-07': setupMeta } }, { provider: 'kwok', deadlineMs: 10_000 });
    expect(api.objects.has('/api/v1/namespaces/lab-07/pods/web-again')).toBe(false);
    const podDeletes = api.writes.filter((w) => w === 'DELETE /api/v1/namespaces/lab-07/pods');
    expect(podDeletes.length).toBeGreaterThanOrEqual(2);
  });

  it('waits for a kept namespace that the learner deleted, since the setup makes it again', async () => {
    const api = learnerWasHere();
    api.objects.get('/api/v1/namespaces/lab-07')!.metadata.deletionTimestamp = '2026-12-07T00:00:00Z';
    api.goneAfter.set('/api/v1/namespaces/lab-07', 3);
    await sweep(api, marker, { ...labSweep({ id: 'lab-07', namespace: 'lab-07' }), keep: { 'lab-07': setupMeta } }, { provider: 'kwok', deadlineMs: 10_000 });
    expect(api.objects.has('/api/v1/namespaces/lab-07')).toBe(false);
  });

  it('says what is stuck when the deadline passes', async () => {
    const api = learnerWasHere();
    api.stuck.add('/api/v1/namespaces/lab-07/configmaps/settings');
    await expect(sweep(api, marker, { ...labSweep({ id: 'lab-07', namespace: 'lab-07' }), keep: { 'lab-07': setupMeta } }, { provider: 'kwok', deadlineMs: 600 })).rejects.toMatchObject({
      key: 'cleanStuck',
      message: expect.stringContaining('ConfigMap/lab-07/settings'),
    });
  });
});

describe('sweep for a clean (the namespace goes)', () => {
  it('deletes the namespace and waits until it is gone', async () => {
    const api = learnerWasHere();
    await sweep(api, marker, labSweep({ id: 'lab-07', namespace: 'lab-07' }), { provider: 'kwok', deadlineMs: 10_000 });
    expect(api.writes).toContain('DELETE /api/v1/namespaces/lab-07');
    expect(api.objects.has('/api/v1/namespaces/lab-07')).toBe(false);
  });

  it('does not wait for it when told so', async () => {
    const api = learnerWasHere();
    api.goneAfter.set('/api/v1/namespaces/lab-07', 1_000);
    await sweep(api, marker, labSweep({ id: 'lab-07', namespace: 'lab-07' }), { provider: 'kwok', deadlineMs: 2_000, waitForNamespaces: false });
    expect(api.objects.get('/api/v1/namespaces/lab-07')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('never deletes a namespace an adopted cluster had before', async () => {
    const api = learnerWasHere();
    await sweep(api, { ...marker, provider: 'existing', namespacesBefore: ['lab-07'] }, labSweep({ id: 'lab-07', namespace: 'lab-07' }), { provider: 'existing', deadlineMs: 10_000 });
    expect(api.writes).not.toContain('DELETE /api/v1/namespaces/lab-07');
    expect(api.objects.has('/api/v1/namespaces/lab-07/configmaps/settings')).toBe(true);
  });
});
