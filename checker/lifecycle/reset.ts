// `lab reset`: remove everything labelled for the lab (in every namespace and cluster-wide),
// delete its namespace, put every node back as it was when Wheelhouse marked the cluster, then
// set the lab up again. Reset = clean + up, so switching labs or starting over needs no new cluster.
//
// Why it is written for speed: the test suite resets labs hundreds of times. The API server's
// namespace controller waits a fixed 5 s before it starts on a deleted namespace (a grace period
// for highly available API servers). On the single API server of a kind or kwok cluster,
// Wheelhouse deletes the namespace's content itself (most of it before the namespace), checks
// twice that nothing is left, and then finalizes the namespace, which the controller would have
// done. It does so only before the controller can have started (see controllerClock): a pass that
// has begun deletes by namespace name, so it would also delete what the lab's setup creates in the
// new namespace of the same name; later, it waits for the controller. Any other cluster (the
// existing provider) waits for the controller as usual.
import type { KObject } from '../cluster/types.ts';
import type { LoadedLab } from '../lab/load.ts';
import { type KubeApi } from './kube-api.ts';
import { LAB_LABEL } from './setup.ts';
import { KubeStatusError, LifecycleError } from '../core/errors.ts';
import { putNodesBack, type Marker } from './marker.ts';
import type { ProviderName } from '../core/state.ts';
import { setUpLab, type LabTarget, type UpOptions } from './up.ts';
import { say as msg } from '../core/i18n.ts';
import { CORE, apiPath, type ResourceType } from '../cluster/transport.ts';

/** The namespace controller starts 5 s after a namespace's first recent change; finalizing stays well before. */
const CONTROLLER_START_MS = 4_000;

/** Namespaces no reset may delete, whatever labels someone put on them. */
const PROTECTED_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

export interface SweepTarget {
  /** Label selector of what goes: `wheelhouse.dev/lab=lab-07`, or `wheelhouse.dev/lab` for every lab. */
  selector: string;
  /** Namespaces deleted with all their content (whether labelled or not), besides the labelled ones. */
  namespaces: string[];
}

export interface SweepOptions {
  /** Finalize emptied namespaces instead of waiting for the namespace controller (single API server only). */
  finalize: boolean;
  /**
   * The provider of the cluster. An adopted one (existing) gets back only what labs changed on its
   * nodes, and a namespace it had before the adoption is never deleted, only rid of the lab's
   * labelled objects (#14).
   */
  provider: ProviderName;
  deadlineMs?: number;
}

export interface SweepReport {
  /** Objects deleted by label outside the lab namespaces, and namespaces deleted. */
  deleted: number;
  namespaces: string[];
  nodesRestored: string[];
  durationMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The resource types a sweep lists and deletes. Nodes are never deleted; namespaces are handled on their own. */
function sweepable(types: ResourceType[]): { namespaced: ResourceType[]; cluster: ResourceType[] } {
  const usable = types.filter((t) => t.verbs.includes('list') && t.verbs.includes('delete'));
  return {
    namespaced: usable.filter((t) => t.namespaced),
    cluster: usable.filter((t) => !t.namespaced && !(t.group === '' && (t.resource === 'nodes' || t.resource === 'namespaces'))),
  };
}

const nsPath = (name?: string) => apiPath(CORE('namespaces'), undefined, name);

/** Deletes what the target names and waits until it is gone; restores nodes to the marker's baseline. */
export async function sweep(api: KubeApi, marker: Marker, target: SweepTarget, opts: SweepOptions): Promise<SweepReport> {
  const t0 = performance.now();
  const deadline = t0 + (opts.deadlineMs ?? 90_000);
  const [types, labelledNs] = await Promise.all([api.resources(), api.list(nsPath(), { labelSelector: target.selector })]);
  const { namespaced, cluster } = sweepable(types);
  const before = opts.provider === 'existing' ? new Set(marker.namespacesBefore ?? []) : new Set<string>();
  const kept = (n: string) => PROTECTED_NAMESPACES.has(n) || before.has(n) || before.has('*');
  const wanted = [...new Set([...target.namespaces, ...labelledNs.map((n) => n.metadata.name)])].filter((n) => !kept(n));
  const present = (await Promise.all(wanted.map(async (n) => ((await api.get(nsPath(n))) ? n : undefined)))).filter((n): n is string => !!n);

  // A lab's own admission control (policies, webhooks) goes first and is waited for: a policy that
  // also judges DELETE would otherwise refuse the very deletions below.
  const admission = cluster.filter((t) => t.group === 'admissionregistration.k8s.io');
  const admissionLeft = async () => (await Promise.all(admission.map((t) => api.list(apiPath(t), { labelSelector: target.selector })))).flat();
  const firstAdmission = await admissionLeft();
  if (firstAdmission.length) {
    await Promise.all(admission.map(async (t) => Promise.all((await api.list(apiPath(t), { labelSelector: target.selector })).map((o) => api.delete(apiPath(t, undefined, o.metadata.name))))));
    while ((await admissionLeft()).length && performance.now() < deadline) await sleep(100);
  }

  const inLabNs = new Set(present);
  let deleted = present.length;

  const emptyNamespace = (ns: string, types: ResourceType[] = namespaced) =>
    Promise.all(
      types
        .filter((t) => t.verbs.includes('deletecollection'))
        // Grace period 0: Pods go at once instead of after their 30 s of termination.
        .map((t) => refusedForAWhile(() => api.delete(apiPath(t, ns), { gracePeriodSeconds: '0', propagationPolicy: 'Background' }), deadline)),
    );
  // The types that held labelled objects anywhere: the later looks list only those (a namespace
  // being deleted admits no new object, and nothing else makes labelled objects meanwhile).
  const labelledTypes = new Set<ResourceType>();
  // Objects that were still there after their DELETE (finalizers): looked at again until gone.
  let pending: { path: string; name: string }[] = [];
  const deleteLabelled = async (t: ResourceType) => {
    const items = await api.list(apiPath(t), { labelSelector: target.selector });
    if (items.length) labelledTypes.add(t);
    const elsewhere = items.filter((o) => !(o.metadata.namespace && inLabNs.has(o.metadata.namespace)));
    await Promise.all(
      elsewhere.map(async (o) => {
        const path = apiPath(t, o.metadata.namespace, o.metadata.name);
        if ((await api.delete(path, { propagationPolicy: 'Background' })) === 'pending') pending.push({ path, name: describe({ ...o, kind: t.kind }) });
      }),
    );
    deleted += elsewhere.length;
  };
  // The namespaces' content goes first, while they are still active, so that the namespaces are
  // nearly empty when they are deleted: they can then be finalized well within the controller's
  // 5 s. Once a namespace is terminating, nothing new can be created in it; what controllers made
  // meanwhile is deleted again below.
  const [, , nodesRestored] = await Promise.all([
    Promise.all(present.map((n) => emptyNamespace(n))),
    Promise.all([...namespaced, ...cluster].map(deleteLabelled)),
    putNodesBack(api, marker, opts.provider),
  ]);
  await Promise.all(present.map((n) => refusedForAWhile(() => api.delete(nsPath(n)), deadline)));

  // Wait until nothing is left. The full listing by label runs on the first look (it also
  // catches what controllers made from labelled templates meanwhile) and again while anything
  // labelled is found; objects whose deletion is pending are looked at one by one.
  let live = present;
  let emptyOnce = new Set<string>();
  // Per namespace, the types that held objects at the last look: the next look lists only those
  // until they are empty; then every type is listed (a full look) before the namespace counts as
  // empty, so an object of any type is still seen before a finalize.
  const busyTypes = new Map<string, ResourceType[] | undefined>();
  const deletedAt = new Map<string, number>();
  const finalizedByUs = new Set<string>();
  for (;;) {
    type Look = [{ ns: string; exists: boolean; controllerClock: number; deletedAt: number; left: KObject[]; busy: ResourceType[]; full: boolean }[], KObject[], { path: string; name: string }[]];
    const [contents, labelled, stillPending]: Look = await Promise.all([
      Promise.all(
        live.map(async (ns) => {
          const types = busyTypes.get(ns) ?? namespaced;
          const [object, lists] = await Promise.all([api.get(nsPath(ns)), Promise.all(types.map(async (t) => ({ t, items: await api.list(apiPath(t, ns)) })))]);
          const busy = lists.filter((l) => l.items.length).map((l) => l.t);
          // Narrowed while something is left; a full look (undefined) once the narrowed one is empty.
          busyTypes.set(ns, busy.length ? busy : undefined);
          const full = types === namespaced;
          const deleted = Date.parse(String(object?.metadata.deletionTimestamp ?? '')) || Date.now();
          return { ns, exists: !!object, controllerClock: object ? controllerClock(object, deleted) : deleted, deletedAt: deleted, left: lists.flatMap((l) => l.items), busy, full };
        }),
      ),
      labelledTypes.size
        ? Promise.all([...labelledTypes].map((t) => api.list(apiPath(t), { labelSelector: target.selector }).then((l) => (l.length ? l.map((o) => ({ ...o, kind: t.kind })) : (labelledTypes.delete(t), []))))).then((l): KObject[] => l.flat())
        : ([] as KObject[]),
      Promise.all(pending.map(async (p) => ((await api.get(p.path)) ? p : undefined))).then((l) => l.filter((p) => p !== undefined)),
    ]);
    // A namespace is in one look after it is gone (live keeps only those that exist). Gone by the
    // controller's hand: its deletion, and its passes' status updates, 5 s after it at the earliest.
    for (const c of contents) {
      if (c.exists) deletedAt.set(c.ns, c.deletedAt);
      else if (deletedAt.has(c.ns) && !finalizedByUs.has(c.ns)) remember(c.ns, deletedAt.get(c.ns)!, deletedAt.get(c.ns)! + 5_000);
    }
    live = contents.filter((c) => c.exists).map((c) => c.ns);
    pending = stillPending;
    if (live.length === 0 && labelled.length === 0 && pending.length === 0) break;

    let finalized = false;
    if (opts.finalize) {
      const next = new Set<string>();
      for (const { ns, exists, controllerClock, left, busy, full } of contents) {
        if (!exists || Date.now() - controllerClock > CONTROLLER_START_MS) continue;
        if (left.length) {
          await emptyNamespace(ns, busy);
          continue;
        }
        // Empty by a narrowed look: the next look lists every type, and only that counts.
        if (!full) continue;
        // Empty on two full looks in a row, so nothing was being created as the namespace went.
        if (emptyOnce.has(ns)) {
          remember(ns, deletedAt.get(ns)!, Date.now());
          await finalizeNamespace(api, ns);
          finalizedByUs.add(ns);
          finalized = true;
        } else next.add(ns);
      }
      emptyOnce = next;
    }
    if (performance.now() > deadline) {
      const names = [...contents.flatMap((c) => c.left), ...labelled].slice(0, 5).map(describe);
      const what = [...live.map((n) => `namespace/${n}`), ...names, ...pending.map((p) => p.name)];
      throw new LifecycleError('failed', 'cleanStuck', { seconds: Math.round((performance.now() - t0) / 1000), what: [...new Set(what)].join(', ') });
    }
    await sleep(finalized ? 0 : emptyOnce.size ? 50 : 200);
  }
  return { deleted, namespaces: present, nodesRestored, durationMs: performance.now() - t0 };
}

/**
 * Admission that was just removed can still be in force for a moment (the API server's informers
 * catch up within about a second): a 403 or 422 from admission is tried again, not reported as an
 * unreachable cluster.
 */
async function refusedForAWhile<T>(fn: () => Promise<T>, deadline: number): Promise<T> {
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (!(err instanceof KubeStatusError) || (status !== 403 && status !== 422) || performance.now() > deadline) throw err;
      await sleep(250);
    }
  }
}

/**
 * Events the namespace controller queued for a namespace name, per process: deletions, and updates
 * while terminating (its own status updates, our finalize). It acts on a name 5 s after the earliest
 * pending one, whichever incarnation of the name it came from.
 */
const queuedAt = new Map<string, number[]>();
const remember = (name: string, ...at: number[]) => queuedAt.set(name, [...(queuedAt.get(name) ?? []).filter((t) => t > Date.now() - 20_000), ...at]);

/**
 * The time from which the namespace controller may start a pass on this terminating namespace 5 s
 * later: its deletion, or an earlier event of the name (a previous incarnation deleted or finalized
 * moments ago, whose pass would find this one terminating). A young namespace whose name's history
 * this process does not know gets no fast path (minus infinity). Timestamps have whole seconds,
 * rounded down, which only makes the clock look older (the safe side).
 */
function controllerClock(ns: KObject, deleted: number): number {
  const known = queuedAt.get(ns.metadata.name);
  if (known?.length) return Math.min(deleted, ...known.filter((t) => t >= deleted - 5_500));
  const created = Date.parse(String(ns.metadata.creationTimestamp ?? ''));
  return Number.isFinite(created) && created >= deleted - 6_000 ? -Infinity : deleted;
}

function describe(o: KObject): string {
  return `${o.kind ?? 'object'}/${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
}

async function finalizeNamespace(api: KubeApi, name: string): Promise<void> {
  await api.replace(`${nsPath(name)}/finalize`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: { finalizers: [] } }).catch((err) => {
    // Gone meanwhile (the controller was quicker) is fine.
    if ((err as { status?: number }).status !== 404 && (err as { status?: number }).status !== 409) throw err;
  });
}

/** The sweep for one lab: its label, its namespace. */
export function labSweep(lab: Pick<LoadedLab, 'id' | 'namespace'>): SweepTarget {
  return { selector: `${LAB_LABEL}=${lab.id}`, namespaces: [lab.namespace] };
}

/** Everything of every lab (for `lab down` on an adopted cluster). */
export const allLabsSweep: SweepTarget = { selector: LAB_LABEL, namespaces: [] };

/** Removes the lab from the cluster (and the node changes of any lab). */
export async function cleanLab(t: LabTarget, lab: LoadedLab, opts: Pick<UpOptions, 'progress' | 'lang'>): Promise<SweepReport> {
  return opts.progress.step(msg(opts.lang, 'stepClean', { lab: lab.id }), () => sweep(t.api, t.marker, labSweep(lab), { finalize: t.state.provider !== 'existing', provider: t.state.provider }));
}

/**
 * The node folders behind the lab's own hostPath PersistentVolumes, with the nodes their affinity
 * names (every node when it names none). Deleting a PV leaves its folder's files on the node: on
 * real nodes a lab run again would find the last run's files (lab-14's note).
 */
async function labHostFolders(api: KubeApi, lab: LoadedLab): Promise<{ path: string; nodes: string[] }[]> {
  const pvs = await api.list(apiPath(CORE('persistentvolumes')), { labelSelector: `${LAB_LABEL}=${lab.id}` });
  const all = (await api.list(apiPath(CORE('nodes')))).map((n) => n.metadata.name);
  return pvs
    .filter((pv) => typeof pv.spec?.hostPath?.path === 'string')
    .map((pv) => {
      const named = (pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? []).flatMap((term: { matchExpressions?: { key: string; values?: string[] }[] }) =>
        (term.matchExpressions ?? []).filter((e) => e.key === 'kubernetes.io/hostname').flatMap((e) => e.values ?? []),
      );
      return { path: String(pv.spec.hostPath.path), nodes: named.length ? named.filter((n: string) => all.includes(n)) : all };
    })
    // A lab's own folder only: absolute, at least two levels deep, no way up.
    .filter((f) => /^\/[^/]+\/[^/]/.test(f.path) && !f.path.split('/').includes('..'));
}

/** Empties those folders inside the kind node containers (each node is a container named like it). */
async function emptyKindFolders(folders: { path: string; nodes: string[] }[], sys: UpOptions['sys']): Promise<void> {
  await Promise.all(
    folders.flatMap((f) =>
      f.nodes.map((node) => sys.run('docker', ['exec', node, 'sh', '-c', 'rm -rf -- "$1"/* "$1"/.[!.]* 2>/dev/null; true', 'empty', f.path], { timeoutMs: 30_000 })),
    ),
  );
}

/** `lab reset`: clean, then set up again. */
export async function resetLab(t: LabTarget, lab: LoadedLab, opts: UpOptions): Promise<SweepReport> {
  const folders = t.state.provider === 'kind' ? await labHostFolders(t.api, lab) : [];
  const report = await cleanLab(t, lab, opts);
  if (folders.length) await emptyKindFolders(folders, opts.sys);
  // The nodes are at the baseline now: no lab's node changes are applied.
  t.marker.currentLab = undefined;
  await setUpLab(t, lab, opts);
  return report;
}
