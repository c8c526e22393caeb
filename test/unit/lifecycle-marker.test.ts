// "Created by Wheelhouse": the marker in the cluster and cluster.json beside the kubeconfig must
// name the same id before any mutating command goes ahead. A fake API stands in for the cluster.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeKubeApi } from '../support/fake-kube-api.ts';
import { MARKER_NAME, markCluster, markerObject, markerPath, openOwnedCluster, ownership, parseMarker, type Marker } from '../../checker/lifecycle/marker.ts';
import { LifecycleError } from '../../checker/core/errors.ts';
import { stateFile, writeState, type ClusterState } from '../../checker/core/state.ts';
import type { KObject } from '../../checker/cluster/types.ts';

const node = (name: string, extra: Partial<KObject> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name } },
  spec: {},
  ...extra,
});

const nodes = {
  '/api/v1/nodes/wheelhouse-control-plane': node('wheelhouse-control-plane', { spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } }),
  '/api/v1/nodes/wheelhouse-worker': node('wheelhouse-worker'),
};

let dir: string;
let kubeconfig: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wh-marker-'));
  kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\ncurrent-context: kwok-wheelhouse\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const state = (id: string): ClusterState => ({ provider: 'kwok', name: 'wheelhouse', kubeconfig, context: 'kwok-wheelhouse', createdAt: '2026-11-01T00:00:00Z', id });
const marker = (id: string): Marker => ({ id, provider: 'kwok', name: 'wheelhouse', createdAt: '2026-11-01T00:00:00Z', nodes: [] });

describe('ownership', () => {
  it('is ok only when the record and the marker name the same id', () => {
    expect(ownership(state('a'), marker('a'))).toBe('ok');
    expect(ownership(undefined, marker('a'))).toBe('no-record');
    expect(ownership(state('a'), undefined)).toBe('no-marker');
    expect(ownership(state('a'), marker('b'))).toBe('other-id');
  });

  it('reads back the marker it writes', () => {
    const m: Marker = { ...marker('x'), nodes: [{ name: 'n', labels: { a: 'b' }, taints: [{ key: 'k', effect: 'NoSchedule' }], unschedulable: true }], currentLab: 'lab-07' };
    const cm = markerObject(m);
    expect(cm.metadata).toMatchObject({ name: MARKER_NAME, namespace: 'kube-system' });
    expect(parseMarker(cm)).toEqual(m);
    expect(parseMarker({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: MARKER_NAME }, data: {} })).toBeUndefined();
    expect(parseMarker(undefined)).toBeUndefined();
  });
});

describe('markCluster', () => {
  it('writes the marker with every node\'s baseline and the same id into cluster.json', async () => {
    const api = new FakeKubeApi(nodes);
    const s = await markCluster(kubeconfig, { provider: 'kwok', name: 'wheelhouse', context: 'kwok-wheelhouse', workdir: '/w' }, api);
    const written = parseMarker(await api.get(markerPath))!;
    expect(written.id).toBe(s.id);
    expect(written.nodes).toEqual([
      { name: 'wheelhouse-control-plane', labels: { 'kubernetes.io/hostname': 'wheelhouse-control-plane' }, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], unschedulable: false },
      { name: 'wheelhouse-worker', labels: { 'kubernetes.io/hostname': 'wheelhouse-worker' }, taints: [], unschedulable: false },
    ]);
    const record = JSON.parse(readFileSync(stateFile(kubeconfig), 'utf8'));
    expect(record).toMatchObject({ provider: 'kwok', name: 'wheelhouse', kubeconfig, context: 'kwok-wheelhouse', id: s.id, workdir: '/w' });
  });

  it('never marks a cluster that already carries a marker: another setup\'s is not taken over (#14)', async () => {
    const api = new FakeKubeApi(nodes);
    const first = await markCluster(kubeconfig, { provider: 'existing', name: 'ctx', context: 'ctx' }, api);
    const other = join(dir, 'other', 'kubeconfig');
    const err = await markCluster(other, { provider: 'existing', name: 'ctx', context: 'ctx' }, api).catch((e) => e);
    expect(err).toBeInstanceOf(LifecycleError);
    expect((err as LifecycleError).key).toBe('markerExists');
    expect((err as LifecycleError).say('ko')).toContain('다른 Wheelhouse 설치');
    expect(parseMarker(await api.get(markerPath))!.id).toBe(first.id);
    expect(api.writes.filter((w) => w.startsWith('PUT'))).toEqual([]);
  });

  it('an adopted cluster\'s marker lists the namespaces it had, which no reset deletes', async () => {
    const api = new FakeKubeApi({ ...nodes, '/api/v1/namespaces/lab-07': { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab-07' } } });
    await markCluster(kubeconfig, { provider: 'existing', name: 'ctx', context: 'ctx' }, api);
    expect(parseMarker(await api.get(markerPath))!.namespacesBefore).toEqual(['lab-07']);
  });
});

describe('openOwnedCluster refuses clusters Wheelhouse did not create (exit 2)', () => {
  const open = async (api: FakeKubeApi) => {
    const err = await openOwnedCluster(kubeconfig, async () => api).catch((e) => e);
    expect(err).toBeInstanceOf(LifecycleError);
    expect((err as LifecycleError).code).toBe('refused');
    expect((err as LifecycleError).exitCode).toBe(2);
    return err as LifecycleError;
  };

  it('without a record beside the kubeconfig, and says how to adopt a cluster on purpose', async () => {
    const err = await open(new FakeKubeApi());
    expect(err.key).toBe('refusedNoRecord');
    expect(err.message).toContain('Wheelhouse has no record of creating it');
    expect(err.message).toContain('--provider existing --kubeconfig FILE --context NAME');
  });

  it('without a marker in the cluster', async () => {
    await writeState(state('a'));
    const api = new FakeKubeApi(nodes);
    const err = await open(api);
    expect(err.key).toBe('refusedNoMarker');
    expect(err.message).toContain('no Wheelhouse marker (ConfigMap kube-system/wheelhouse-cluster)');
    expect(err.say('ko')).toContain('표식');
    expect(api.closed).toBe(true);
    expect(api.writes).toEqual([]);
  });

  it('with a marker of another Wheelhouse setup', async () => {
    await writeState(state('a'));
    const err = await open(new FakeKubeApi({ [markerPath]: markerObject(marker('b')) }));
    expect(err.key).toBe('refusedOtherId');
  });

  it('and opens the cluster when both agree', async () => {
    await writeState(state('a'));
    const api = new FakeKubeApi({ [markerPath]: markerObject(marker('a')) });
    const owned = await openOwnedCluster(kubeconfig, async () => api);
    expect(owned.state.id).toBe('a');
    expect(owned.marker.id).toBe('a');
    expect(owned.api).toBe(api);
  });
});
