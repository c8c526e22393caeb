// Node changes: the baseline snapshot, the patch that restores it (`lab reset`), and the patch that
// applies a lab's labels and taints (`lab up`).
import { describe, expect, it } from 'vitest';
import { applyNodeChanges, baselineOf, changePatch, mergeChanges, restoreNodes, restorePatch, undoNodeChanges, undoPatch, type NodeChange } from '../../checker/lifecycle/nodes.ts';
import { FakeKubeApi, mergePatch } from '../support/fake-kube-api.ts';
import type { KObject } from '../../checker/cluster/types.ts';
import type { LoadedLab } from '../../checker/lab/load.ts';

const worker = (labels: Record<string, string>, spec: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'wheelhouse-worker', labels }, spec });
const base = baselineOf(worker({ 'kubernetes.io/hostname': 'wheelhouse-worker' }, { taints: [{ key: 'dedicated', value: 'ops', effect: 'NoSchedule' }] }));

describe('baselineOf', () => {
  it('keeps labels, own taints and the cordon, and leaves out taints Kubernetes manages', () => {
    const b = baselineOf(
      worker({ a: '1' }, { unschedulable: true, taints: [{ key: 'x', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' }, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }),
    );
    expect(b).toEqual({ name: 'wheelhouse-worker', labels: { a: '1' }, taints: [{ key: 'x', effect: 'NoExecute' }], unschedulable: true });
  });
});

describe('restorePatch', () => {
  it('is undefined when the node is at its baseline (no request at all)', () => {
    expect(restorePatch(worker({ 'kubernetes.io/hostname': 'wheelhouse-worker' }, { taints: [{ key: 'dedicated', value: 'ops', effect: 'NoSchedule' }] }), base)).toBeUndefined();
  });

  it('removes added labels, puts changed ones back, and replaces the taints and the cordon', () => {
    const changed = worker({ 'kubernetes.io/hostname': 'other', gpu: 'true' }, { unschedulable: true, taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] });
    const patch = restorePatch(changed, base);
    expect(patch).toEqual({
      metadata: { labels: { gpu: null, 'kubernetes.io/hostname': 'wheelhouse-worker' } },
      spec: { taints: [{ key: 'dedicated', value: 'ops', effect: 'NoSchedule' }], unschedulable: null },
    });
    const restored = mergePatch(changed, patch) as KObject;
    expect(baselineOf(restored)).toEqual(base);
  });

  it('keeps the taints the node controller set (a NotReady node stays tainted)', () => {
    const notReady = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
    const patch = restorePatch(worker({ 'kubernetes.io/hostname': 'wheelhouse-worker' }, { taints: [notReady] }), base) as { spec: { taints: unknown[] } };
    expect(patch.spec.taints).toEqual([{ key: 'dedicated', value: 'ops', effect: 'NoSchedule' }, notReady]);
    expect(restorePatch(worker({ 'kubernetes.io/hostname': 'wheelhouse-worker' }, { taints: [notReady, { key: 'dedicated', value: 'ops', effect: 'NoSchedule' }] }), base)).toBeUndefined();
  });
});

describe('changePatch', () => {
  it('adds labels and taints, replacing a taint of the same key and effect', () => {
    const node = worker({ a: '1' }, { taints: [{ key: 'gpu', value: 'old', effect: 'NoSchedule' }, { key: 'other', effect: 'NoExecute' }] });
    const patch = changePatch(node, { node: 'wheelhouse-worker', labels: { a: '1', gpu: 'true' }, taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] });
    expect(patch).toEqual({
      metadata: { labels: { gpu: 'true' } },
      spec: { taints: [{ key: 'other', effect: 'NoExecute' }, { key: 'gpu', value: 'true', effect: 'NoSchedule' }] },
    });
  });

  it('is undefined when the node already has the change (up twice changes nothing)', () => {
    const node = worker({ gpu: 'true' }, { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] });
    expect(changePatch(node, { node: 'wheelhouse-worker', labels: { gpu: 'true' }, taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] })).toBeUndefined();
  });
});

describe('against an API', () => {
  it('applies a lab\'s node changes and restores the baseline, patching only nodes that differ', async () => {
    const api = new FakeKubeApi({
      '/api/v1/nodes/wheelhouse-worker': worker({ 'kubernetes.io/hostname': 'wheelhouse-worker' }, { taints: [{ key: 'dedicated', value: 'ops', effect: 'NoSchedule' }] }),
      '/api/v1/nodes/wheelhouse-worker2': { apiVersion: 'v1', kind: 'Node', metadata: { name: 'wheelhouse-worker2', labels: {} }, spec: {} },
    });
    const baseline = (await api.list('/api/v1/nodes')).map(baselineOf);
    const lab = { id: 'lab-09', nodes: [{ node: 'wheelhouse-worker', labels: { disk: 'ssd' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }] }] } as unknown as LoadedLab;
    await applyNodeChanges(api, lab);
    expect((await api.get('/api/v1/nodes/wheelhouse-worker'))!.metadata.labels).toHaveProperty('disk', 'ssd');
    expect(api.writes).toEqual(['PATCH /api/v1/nodes/wheelhouse-worker']);

    expect(await restoreNodes(api, { nodes: baseline })).toEqual(['wheelhouse-worker']);
    expect((await api.list('/api/v1/nodes')).map(baselineOf)).toEqual(baseline);
    expect(await restoreNodes(api, { nodes: baseline })).toEqual([]);
  });

  it('fails with the node\'s name when a lab changes a node the cluster does not have', async () => {
    const lab = { id: 'lab-09', nodes: [{ node: 'wheelhouse-worker3', labels: { a: 'b' } }] } as unknown as LoadedLab;
    await expect(applyNodeChanges(new FakeKubeApi(), lab)).rejects.toThrow(/wheelhouse-worker3/);
  });
});

describe('undoing a lab\'s own node changes (an adopted cluster, #14)', () => {
  const lab = { id: 'lab-98', nodes: [{ node: 'wheelhouse-worker', labels: { disk: 'ssd', zone: 'b' }, taints: [{ key: 'dedicated', value: 'lab', effect: 'NoSchedule' }] }] } as unknown as LoadedLab;

  it('records what it changes, with what was there before, before it changes it', async () => {
    const api = new FakeKubeApi({ '/api/v1/nodes/wheelhouse-worker': worker({ zone: 'a', disk: 'ssd' }, { taints: [{ key: 'dedicated', value: 'ops', effect: 'NoSchedule' }] }) });
    let recorded: NodeChange[] = [];
    await applyNodeChanges(api, lab, async (c) => {
      recorded = c;
      expect(api.writes).toEqual([]);
    });
    // disk=ssd was there already: not the lab's change, never undone.
    expect(recorded).toEqual([{ node: 'wheelhouse-worker', labels: { zone: { set: 'b', was: 'a' } }, taints: [{ set: { key: 'dedicated', value: 'lab', effect: 'NoSchedule' }, was: { key: 'dedicated', value: 'ops', effect: 'NoSchedule' } }] }]);
  });

  it('puts back only what the lab set and nobody changed since; others\' labels, taints and cordons stay', async () => {
    const api = new FakeKubeApi({ '/api/v1/nodes/wheelhouse-worker': worker({ zone: 'a' }) });
    let recorded: NodeChange[] = [];
    await applyNodeChanges(api, lab, async (c) => void (recorded = mergeChanges(recorded, c)));
    // Someone else, after the lab: a label of their own, one of the lab's changed, a taint, a cordon.
    await api.patch('/api/v1/nodes/wheelhouse-worker', { metadata: { labels: { team: 'blue', disk: 'nvme' } }, spec: { unschedulable: true, taints: [{ key: 'dedicated', value: 'lab', effect: 'NoSchedule' }, { key: 'others', value: 'yes', effect: 'NoExecute' }] } });
    // Set up again: the record keeps what was there before the first change.
    await applyNodeChanges(api, lab, async (c) => void (recorded = mergeChanges(recorded, c)));
    expect(recorded[0].labels.disk).toEqual({ set: 'ssd', was: null });
    expect(await undoNodeChanges(api, recorded)).toEqual(['wheelhouse-worker']);
    const node = (await api.get('/api/v1/nodes/wheelhouse-worker'))!;
    expect(node.metadata.labels).toEqual({ zone: 'a', team: 'blue' });
    expect(node.spec).toMatchObject({ unschedulable: true, taints: [{ key: 'others', value: 'yes', effect: 'NoExecute' }] });
  });

  it('leaves a label alone that someone changed after the lab', () => {
    const change: NodeChange = { node: 'wheelhouse-worker', labels: { disk: { set: 'ssd', was: null } }, taints: [] };
    expect(undoPatch(worker({ disk: 'nvme' }), change)).toBeUndefined();
    expect(undoPatch(worker({ disk: 'ssd' }), change)).toEqual({ metadata: { labels: { disk: null } } });
  });
});
