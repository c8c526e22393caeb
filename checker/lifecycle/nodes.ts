// Node labels, taints and cordons: the snapshot taken when Wheelhouse marks a cluster (its
// baseline), the patch that brings a node back to it (`lab reset`), and the patch that applies a
// lab's node changes (`lab up`), and the two calls that send them.
import type { KObject } from '../cluster/types.ts';
import type { Lab } from '../lab/schema.ts';
import type { LoadedLab } from '../lab/load.ts';
import { type KubeApi } from './kube-api.ts';
import { LifecycleError } from '../core/errors.ts';
import { CORE, apiPath } from '../cluster/transport.ts';

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


/**
 * What a lab's `up` changed on one node, and what was there before: the record an adopted cluster's
 * reset undoes, instead of putting the node back to the adoption snapshot (which would also undo
 * what other people did to the node since).
 */
export interface NodeChange {
  node: string;
  /** Per label key: the value the lab set, and the one before (null: there was none). */
  labels: Record<string, { set: string; was: string | null }>;
  /** Per taint the lab set (key and effect): the taint before (null: there was none). */
  taints: { set: Taint; was: Taint | null }[];
}

const sameTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect && (a.value ?? '') === (b.value ?? '');

/** What `changePatch` is about to change on the node, with the values it replaces. */
export function changeRecord(node: KObject, change: Lab['nodes'][number]): NodeChange | undefined {
  const current = node.metadata.labels ?? {};
  const labels: NodeChange['labels'] = {};
  for (const [k, v] of Object.entries(change.labels ?? {})) if (current[k] !== v) labels[k] = { set: v, was: current[k] ?? null };
  const taints: NodeChange['taints'] = [];
  const present = taintsOf(node);
  for (const { key, value, effect } of change.taints ?? []) {
    const set: Taint = value === undefined || value === '' ? { key, effect } : { key, value, effect };
    const before = present.find((t) => t.key === key && t.effect === effect);
    if (!before || !sameTaint(before, set)) taints.push({ set, was: before ?? null });
  }
  return Object.keys(labels).length || taints.length ? { node: node.metadata.name, labels, taints } : undefined;
}

/** Adds new records to old ones: what was there before the first change is what an undo puts back. */
export function mergeChanges(old: NodeChange[], added: NodeChange[]): NodeChange[] {
  const out = structuredClone(old);
  for (const a of added) {
    const o = out.find((c) => c.node === a.node);
    if (!o) {
      out.push(structuredClone(a));
      continue;
    }
    for (const [k, v] of Object.entries(a.labels)) o.labels[k] = { set: v.set, was: k in o.labels ? o.labels[k].was : v.was };
    for (const t of a.taints) {
      const i = o.taints.findIndex((x) => x.set.key === t.set.key && x.set.effect === t.set.effect);
      if (i >= 0) o.taints[i] = { set: t.set, was: o.taints[i].was };
      else o.taints.push(t);
    }
  }
  return out;
}

/**
 * The merge patch that undoes a lab's changes on a node: each label and taint the lab set goes back
 * to what it was, but only while it still is what the lab set (someone who changed it since wins).
 */
export function undoPatch(node: KObject, change: NodeChange): object | undefined {
  const current = node.metadata.labels ?? {};
  const labels: Record<string, string | null> = {};
  for (const [k, { set, was }] of Object.entries(change.labels)) if (current[k] === set) labels[k] = was;
  const taints = taintsOf(node);
  let next = taints;
  for (const { set, was } of change.taints) {
    if (!next.some((t) => sameTaint(t, set))) continue;
    next = next.filter((t) => !sameTaint(t, set));
    if (was) next.push(was);
  }
  const patch: { metadata?: { labels: Record<string, string | null> }; spec?: { taints: Taint[] } } = {};
  if (Object.keys(labels).length) patch.metadata = { labels };
  if (!sameTaints(next, taints)) patch.spec = { taints: next };
  return Object.keys(patch).length ? patch : undefined;
}

/** Undoes the recorded changes of labs on the nodes (an adopted cluster). Returns the nodes it changed. */
export async function undoNodeChanges(api: KubeApi, changes: NodeChange[]): Promise<string[]> {
  const changed: string[] = [];
  await Promise.all(
    changes.map(async (c) => {
      const path = apiPath(CORE('nodes'), undefined, c.node);
      const node = await api.get(path);
      const patch = node && undoPatch(node, c);
      if (!patch) return;
      await api.patch(path, patch);
      changed.push(c.node);
    }),
  );
  return changed.sort();
}

/**
 * Adds the lab's node labels and taints (lab.yaml `nodes`). `record` is given what is about to
 * change, before it does (a crash in between leaves a record that an undo finds not applied).
 */
export async function applyNodeChanges(api: KubeApi, lab: LoadedLab, record?: (changes: NodeChange[]) => Promise<void>): Promise<void> {
  const nodes = await Promise.all(
    lab.nodes.map(async (change) => {
      const path = apiPath(CORE('nodes'), undefined, change.node);
      const node = await api.get(path);
      if (!node) throw new LifecycleError('failed', 'nodeMissing', { node: change.node, lab: lab.id });
      return { path, node, change };
    }),
  );
  const changes = nodes.map(({ node, change }) => changeRecord(node, change)).filter((c): c is NodeChange => !!c);
  if (record && changes.length) await record(changes);
  await Promise.all(
    nodes.map(async ({ path, node, change }) => {
      const patch = changePatch(node, change);
      if (patch) await api.patch(path, patch);
    }),
  );
}
