// "Created by Wheelhouse": when Wheelhouse creates (or is told to adopt) a cluster it writes a
// marker into it — ConfigMap kube-system/wheelhouse-cluster with a random id and a snapshot of
// every node's labels, taints and cordon — and the same id into cluster.json beside its
// kubeconfig. The mutating commands (up, reset, down, solve) go ahead only when both agree, so a
// learner's other clusters are never touched even if a kubeconfig points at them by mistake.
import { randomUUID } from 'node:crypto';
import { ClusterError, type KObject } from '../cluster/types.ts';
import { CORE, KubeStatusError, apiPath, connectApi, type KubeApi } from './kube-api.ts';
import { baselineOf, type NodeBaseline } from './nodes.ts';
import { readState, stateFile, writeState, type ClusterState, type ProviderName } from './state.ts';
import { LifecycleError, fromClusterError } from './errors.ts';
import { displayPath } from '../lab/paths.ts';

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
    },
  };
}

/** The marker in a ConfigMap, or undefined when the object is not a readable marker. */
export function parseMarker(cm: KObject | undefined): Marker | undefined {
  const d = cm?.data as Record<string, string> | undefined;
  if (!d?.id) return undefined;
  let nodes: NodeBaseline[] = [];
  try {
    nodes = JSON.parse(d.nodes ?? '[]');
  } catch {
    nodes = [];
  }
  return { id: d.id, provider: d.provider as ProviderName, name: d.name ?? '', createdAt: d.createdAt ?? '', nodes, currentLab: d.currentLab };
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

/** Writes the marker (create, or replace an old one). */
export async function writeMarker(api: KubeApi, m: Marker): Promise<void> {
  const body = markerObject(m);
  try {
    await api.create(apiPath(CORE('configmaps'), MARKER_NAMESPACE), body);
  } catch (err) {
    if (!(err instanceof KubeStatusError && err.status === 409)) throw err;
    await api.replace(markerPath, body);
  }
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
    const nodes = previous?.nodes.length ? previous.nodes : (await own.list(apiPath(CORE('nodes')))).map(baselineOf);
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
    await writeMarker(own, { id: state.id, provider: state.provider, name: state.name, createdAt: state.createdAt, nodes, currentLab: previous?.currentLab });
    await writeState(state);
    return state;
  } finally {
    if (!api) own.close();
  }
}

async function currentContext(kubeconfig: string): Promise<string> {
  const { loadClientNode } = await import('../cluster/client.ts');
  const k8s = await loadClientNode();
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(kubeconfig);
  return kc.getCurrentContext();
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
