// "Created by Wheelhouse": when Wheelhouse creates (or is told to adopt) a cluster it writes a
// marker into it — ConfigMap kube-system/wheelhouse-cluster with a random id and a snapshot of
// every node's labels, taints and cordon — and the same id into cluster.json beside its
// kubeconfig. The mutating commands (up, reset, down, solve) go ahead only when both agree, so a
// learner's other clusters are never touched even if a kubeconfig points at them by mistake.
// A cluster that already carries a marker is never marked again: that would take it from the
// other Wheelhouse setup whose marker it is (#14). On an adopted cluster the marker also records
// what the labs changed on nodes, and which namespaces were there before (never deleted).
import { randomUUID } from 'node:crypto';
import { type KObject } from '../cluster/types.ts';
import { connectApi, type KubeApi } from './kube-api.ts';
import { baselineOf, mergeChanges, restoreNodes, undoNodeChanges, type NodeBaseline, type NodeChange } from './nodes.ts';
import { readState, stateFile, writeState, type ClusterState, type ProviderName } from '../core/state.ts';
import { ClusterError, fromClusterError, KubeStatusError, LifecycleError } from '../core/errors.ts';
import { ensureGrader } from './grader.ts';
import { displayPath } from '../core/paths.ts';
import { CORE, apiPath, loadKubeconfig } from '../cluster/transport.ts';

export const MARKER_NAMESPACE = 'kube-system';
export const MARKER_NAME = 'wheelhouse-cluster';
export const markerPath = apiPath(CORE('configmaps'), MARKER_NAMESPACE, MARKER_NAME);

export interface Marker {
  id: string;
  provider: ProviderName;
  name: string;
  createdAt: string;
  nodes: NodeBaseline[];
  /** The lab whose node changes are applied (the last `lab up`). */
  currentLab?: string;
  /** What labs changed on nodes since the last undo, with what was there before (undone on an adopted cluster). */
  nodeChanges?: NodeChange[];
  /** existing only: the namespaces the cluster had when it was adopted; none is ever deleted. */
  namespacesBefore?: string[];
}

export function markerObject(m: Marker): KObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: MARKER_NAME, namespace: MARKER_NAMESPACE, labels: { 'app.kubernetes.io/managed-by': 'wheelhouse' } },
    data: {
      id: m.id,
      provider: m.provider,
      name: m.name,
      createdAt: m.createdAt,
      nodes: JSON.stringify(m.nodes),
      ...(m.currentLab ? { currentLab: m.currentLab } : {}),
      ...(m.nodeChanges?.length ? { nodeChanges: JSON.stringify(m.nodeChanges) } : {}),
      ...(m.namespacesBefore ? { namespacesBefore: JSON.stringify(m.namespacesBefore) } : {}),
    },
  };
}

/** The marker in a ConfigMap, or undefined when the object is not a readable marker. */
export function parseMarker(cm: KObject | undefined): Marker | undefined {
  const d = cm?.data as Record<string, string> | undefined;
  if (!d?.id) return undefined;
  const json = <T>(text: string | undefined, otherwise: T): T => {
    try {
      return text === undefined ? otherwise : (JSON.parse(text) as T);
    } catch {
      return otherwise;
    }
  };
  const m: Marker = { id: d.id, provider: d.provider as ProviderName, name: d.name ?? '', createdAt: d.createdAt ?? '', nodes: json(d.nodes, []), currentLab: d.currentLab };
  if (d.nodeChanges) m.nodeChanges = json(d.nodeChanges, []);
  // Unreadable: keep every namespace, as if all of them were there before.
  if (d.namespacesBefore) m.namespacesBefore = json(d.namespacesBefore, ['*']);
  return m;
}

export type Ownership = 'ok' | 'no-record' | 'no-marker' | 'other-id';

/** Whether Wheelhouse may change the cluster: its record and the cluster's marker must name the same id. */
export function ownership(state: ClusterState | undefined, marker: Marker | undefined): Ownership {
  if (!state) return 'no-record';
  if (!marker) return 'no-marker';
  return marker.id === state.id ? 'ok' : 'other-id';
}

export async function readMarker(api: KubeApi): Promise<Marker | undefined> {
  return parseMarker(await api.get(markerPath));
}

/** Writes a new marker; one that is there already (another setup's, even one created a moment ago) is never replaced. */
export async function writeMarker(api: KubeApi, m: Marker): Promise<void> {
  try {
    await api.create(apiPath(CORE('configmaps'), MARKER_NAMESPACE), markerObject(m));
  } catch (err) {
    if (!(err instanceof KubeStatusError && err.status === 409)) throw err;
    throw markerExists(api, await readMarker(api));
  }
}

function markerExists(api: KubeApi, other: Marker | undefined): LifecycleError {
  return new LifecycleError('refused', 'markerExists', { server: api.server, provider: other?.provider ?? '?', createdAt: other?.createdAt ?? '?' });
}

/** Adds what a lab is about to change on nodes to the marker's record. */
export async function recordNodeChanges(api: KubeApi, marker: Marker, changes: NodeChange[]): Promise<void> {
  const next = mergeChanges(marker.nodeChanges ?? [], changes);
  await api.patch(markerPath, { data: { nodeChanges: JSON.stringify(next) } });
  marker.nodeChanges = next;
}

/**
 * Takes the labs' node changes away. A cluster Wheelhouse made goes back to the snapshot taken when
 * it was marked (also undoing what a learner did to nodes in a lab); an adopted one gets back only
 * what the labs changed, so that what others did to its nodes since stays (#14).
 */
export async function putNodesBack(api: KubeApi, marker: Marker, provider: ProviderName): Promise<string[]> {
  if (provider !== 'existing') return restoreNodes(api, marker);
  const changed = await undoNodeChanges(api, marker.nodeChanges ?? []);
  await clearNodeChanges(api, marker);
  return changed;
}

/** Forgets the record once the changes are undone. */
export async function clearNodeChanges(api: KubeApi, marker: Marker): Promise<void> {
  if (!marker.nodeChanges?.length) return;
  await api.patch(markerPath, { data: { nodeChanges: null } });
  marker.nodeChanges = [];
}

export async function setCurrentLab(api: KubeApi, lab: string | null): Promise<void> {
  await api.patch(markerPath, { data: { currentLab: lab } });
}

export interface MarkOptions {
  provider: ProviderName;
  /** The cluster name the provider knows (kind and kwok). */
  name: string;
  /** A context of the kubeconfig other than its current one. */
  context?: string;
  workdir?: string;
  source?: string;
}

/**
 * Marks the cluster a kubeconfig points at as Wheelhouse's own: writes the marker (with a
 * snapshot of the nodes as they are now) and cluster.json beside the kubeconfig. Call it right
 * after creating a cluster; the test suite calls it on its test cluster.
 */
export async function markCluster(kubeconfig: string, opts: MarkOptions, api?: KubeApi): Promise<ClusterState> {
  const own = api ?? (await connectApi({ kubeconfig, context: opts.context }));
  try {
    const previous = await readMarker(own);
    if (previous) throw markerExists(own, previous);
    const nodes = (await own.list(apiPath(CORE('nodes')))).map(baselineOf);
    const namespacesBefore = opts.provider === 'existing' ? (await own.list(apiPath(CORE('namespaces')))).map((n) => n.metadata.name).sort() : undefined;
    const state: ClusterState = {
      provider: opts.provider,
      name: opts.name,
      kubeconfig,
      context: opts.context ?? (await currentContext(kubeconfig)),
      createdAt: new Date().toISOString(),
      id: randomUUID(),
      ...(opts.workdir ? { workdir: opts.workdir } : {}),
      ...(opts.source ? { source: opts.source } : {}),
    };
    await writeMarker(own, { id: state.id, provider: state.provider, name: state.name, createdAt: state.createdAt, nodes, ...(namespacesBefore ? { namespacesBefore } : {}) });
    await ensureGrader(own);
    await writeState(state);
    return state;
  } finally {
    if (!api) own.close();
  }
}

async function currentContext(kubeconfig: string): Promise<string> {
  return (await loadKubeconfig(kubeconfig)).getCurrentContext();
}

export interface OwnedCluster {
  state: ClusterState;
  api: KubeApi;
  marker: Marker;
}

/**
 * Opens the cluster for a mutating command, or refuses (exit 2) with why and what to do.
 * `connect` is replaceable for unit tests.
 */
export async function openOwnedCluster(
  kubeconfig: string,
  connect: (kubeconfig: string, context?: string) => Promise<KubeApi> = (k, c) => connectApi({ kubeconfig: k, context: c }),
): Promise<OwnedCluster> {
  const state = await readState(kubeconfig);
  if (!state) {
    throw new LifecycleError('refused', 'refusedNoRecord', { kubeconfig: displayPath(kubeconfig), record: displayPath(stateFile(kubeconfig)) });
  }
  let api: KubeApi;
  try {
    api = await connect(kubeconfig, state.context);
  } catch (err) {
    throw err instanceof ClusterError ? fromClusterError(err) : err;
  }
  try {
    const marker = await readMarker(api);
    const verdict = ownership(state, marker);
    if (verdict === 'no-marker') throw new LifecycleError('refused', 'refusedNoMarker', { server: api.server, kubeconfig: displayPath(kubeconfig) });
    if (verdict === 'other-id') throw new LifecycleError('refused', 'refusedOtherId', { server: api.server, record: displayPath(stateFile(kubeconfig)) });
    return { state, api, marker: marker! };
  } catch (err) {
    api.close();
    throw err instanceof ClusterError ? fromClusterError(err) : err;
  }
}
