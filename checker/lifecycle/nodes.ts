// Node labels, taints and cordons: the snapshot taken when Wheelhouse marks a cluster (its
// baseline), the patch that brings a node back to it (`lab reset`), and the patch that applies a
// lab's node changes (`lab up`), and the two calls that send them.
import type { KObject } from '../cluster/types.ts';
import type { Lab } from '../lab/schema.ts';
import type { LoadedLab } from '../lab/load.ts';
import { CORE, apiPath, type KubeApi } from './kube-api.ts';
import { LifecycleError } from './errors.ts';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface NodeBaseline {
  name: string;
  labels: Record<string, string>;
  /** Taints a person or a lab set; the ones Kubernetes manages itself are left out. */
  taints: Taint[];
  unschedulable: boolean;
}

/**
 * Taints the node controllers add and remove themselves (not-ready, unreachable, unschedulable,
 * pressure): a restore keeps whatever they say now.
 * https://kubernetes.io/docs/reference/labels-annotations-taints/
 */
export function isSystemTaint(t: Taint): boolean {
  return t.key.startsWith('node.kubernetes.io/') || t.key.startsWith('node.cloudprovider.kubernetes.io/');
}

function taintsOf(node: KObject): Taint[] {
  return ((node.spec?.taints ?? []) as (Taint & { timeAdded?: string })[]).map(({ key, value, effect }) => (value === undefined || value === '' ? { key, effect } : { key, value, effect }));
}

export function baselineOf(node: KObject): NodeBaseline {
  return {
    name: node.metadata.name,
    labels: { ...(node.metadata.labels ?? {}) },
    taints: taintsOf(node).filter((t) => !isSystemTaint(t)),
    unschedulable: node.spec?.unschedulable === true,
  };
}

const taintKey = (t: Taint) => `${t.key}=${t.value ?? ''}:${t.effect}`;
const sameTaints = (a: Taint[], b: Taint[]) => JSON.stringify(a.map(taintKey).sort()) === JSON.stringify(b.map(taintKey).sort());

/** A JSON merge patch that brings the node back to its baseline, or undefined when it is there already. */
export function restorePatch(node: KObject, base: NodeBaseline): object | undefined {
  const patch: { metadata?: { labels: Record<string, string | null> }; spec?: { taints?: Taint[]; unschedulable?: boolean | null } } = {};
  const labels: Record<string, string | null> = {};
  const current = node.metadata.labels ?? {};
  for (const key of Object.keys(current)) if (!(key in base.labels)) labels[key] = null;
  for (const [key, value] of Object.entries(base.labels)) if (current[key] !== value) labels[key] = value;
  if (Object.keys(labels).length) patch.metadata = { labels };

  const taints = taintsOf(node);
  const own = taints.filter((t) => !isSystemTaint(t));
  if (!sameTaints(own, base.taints)) patch.spec = { taints: [...base.taints, ...taints.filter(isSystemTaint)] };
  if ((node.spec?.unschedulable === true) !== base.unschedulable) patch.spec = { ...patch.spec, unschedulable: base.unschedulable ? true : null };
  return Object.keys(patch).length ? patch : undefined;
}

/** A JSON merge patch that adds a lab's labels and taints to the node, or undefined when it has them. */
export function changePatch(node: KObject, change: Lab['nodes'][number]): object | undefined {
  const patch: { metadata?: { labels: Record<string, string> }; spec?: { taints: Taint[] } } = {};
  const current = node.metadata.labels ?? {};
  const labels = Object.fromEntries(Object.entries(change.labels ?? {}).filter(([k, v]) => current[k] !== v));
  if (Object.keys(labels).length) patch.metadata = { labels };
  const wanted = (change.taints ?? []).map(({ key, value, effect }) => (value === undefined || value === '' ? { key, effect } : { key, value, effect }));
  if (wanted.length) {
    const taints = taintsOf(node);
    // A taint is identified by key and effect: the lab's value replaces another one.
    const kept = taints.filter((t) => !wanted.some((w) => w.key === t.key && w.effect === t.effect));
    const next = [...kept, ...wanted];
    if (!sameTaints(next, taints)) patch.spec = { taints: next };
  }
  return Object.keys(patch).length ? patch : undefined;
}

/** Puts every node's labels, taints and cordon back to the marker's snapshot. Returns the nodes it changed. */
export async function restoreNodes(api: KubeApi, marker: { nodes: NodeBaseline[] }): Promise<string[]> {
  const nodes = await api.list(apiPath(CORE('nodes')));
  const changed: string[] = [];
  await Promise.all(
    marker.nodes.map(async (base) => {
      const node = nodes.find((n) => n.metadata.name === base.name);
      const patch = node && restorePatch(node, base);
      if (!patch) return;
      await api.patch(apiPath(CORE('nodes'), undefined, base.name), patch);
      changed.push(base.name);
    }),
  );
  return changed.sort();
}


/** Adds the lab's node labels and taints (lab.yaml `nodes`). */
export async function applyNodeChanges(api: KubeApi, lab: LoadedLab): Promise<void> {
  await Promise.all(
    lab.nodes.map(async (change) => {
      const path = apiPath(CORE('nodes'), undefined, change.node);
      const node = await api.get(path);
      if (!node) throw new LifecycleError('failed', 'nodeMissing', { node: change.node, lab: lab.id });
      const patch = changePatch(node, change);
      if (patch) await api.patch(path, patch);
    }),
  );
}
