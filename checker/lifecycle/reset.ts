// `lab reset`: remove everything labelled for the lab (in every namespace and cluster-wide),
// empty the lab's namespaces, put every node back as it was when Wheelhouse marked the cluster,
// then set the lab up again. Reset = clean + up, so switching labs or starting over needs no new
// cluster.
//
// Why it is written for speed: the test suite resets labs hundreds of times, and a learner waits
// for every reset. A reset keeps the namespaces that the lab's setup defines and empties them in
// place (every object of every type, deleted at once, looked at until two looks in a row find
// nothing), then gives them back the labels and annotations the setup gives them. It never waits
// for the API server's namespace controller, which starts on a deleted namespace only 5 s after
// the deletion. Namespaces that the setup does not define are deleted (emptied first, so the
// controller's pass is short) and waited for, as `lab down` does on an adopted cluster.
import { RUN_STARTED_ANNOTATION, type KObject } from '../cluster/types.ts';
import type { LoadedLab } from '../lab/load.ts';
import { type KubeApi } from './kube-api.ts';
import { LAB_LABEL, readSetup } from './setup.ts';
import { KubeStatusError, LifecycleError } from '../core/errors.ts';
import { putNodesBack, type Marker } from './marker.ts';
import type { ProviderName } from '../core/state.ts';
import { setUpLab, type LabTarget, type UpOptions } from './up.ts';
import { say } from '../core/i18n.ts';
import { CORE, apiPath, type ResourceType } from '../cluster/transport.ts';

/** Namespaces no reset may delete, whatever labels someone put on them. */
const PROTECTED_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** A namespace's own metadata as the lab's setup gives it. */
export interface NamespaceMeta {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface SweepTarget {
  /** Label selector of what goes: `wheelhouse.dev/lab=lab-07`, or `wheelhouse.dev/lab` for every lab. */
  selector: string;
  /** Namespaces deleted with all their content (whether labelled or not), besides the labelled ones. */
  namespaces: string[];
  /**
   * Namespaces that stay: emptied in place and given back these labels and annotations (a reset,
   * whose setup makes them again at once). Those not named here are deleted.
   */
  keep?: Record<string, NamespaceMeta>;
}

export interface SweepOptions {
  /**
   * The provider of the cluster. An adopted one (existing) gets back only what labs changed on its
   * nodes, and a namespace it had before the adoption is never deleted, only rid of the lab's
   * labelled objects (#14).
   */
  provider: ProviderName;
  /** Wait until the deleted namespaces are gone (default); kept ones are always waited for. */
  waitForNamespaces?: boolean;
  deadlineMs?: number;
}

export interface SweepReport {
  /** Objects deleted by label outside the lab namespaces, and namespaces deleted or emptied. */
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

/** Events keep coming while things stop (a kubelet reports late): deleted, never waited for. */
const isEvents = (t: ResourceType) => t.resource === 'events' && (t.group === '' || t.group === 'events.k8s.io');

/** What the cluster's controllers make again in every namespace at once: not waited for. */
function remade(t: ResourceType, o: KObject): boolean {
  if (t.group !== '') return false;
  return (t.resource === 'serviceaccounts' && o.metadata.name === 'default') || (t.resource === 'configmaps' && o.metadata.name === 'kube-root-ca.crt');
}

const nsPath = (name?: string) => apiPath(CORE('namespaces'), undefined, name);

/** Deletes what the target names and waits until it is gone; restores nodes to the marker's baseline. */
export async function sweep(api: KubeApi, marker: Marker, target: SweepTarget, opts: SweepOptions): Promise<SweepReport> {
  const t0 = performance.now();
  const deadline = t0 + (opts.deadlineMs ?? 90_000);
  const [types, labelledNs] = await Promise.all([api.resources(), api.list(nsPath(), { labelSelector: target.selector })]);
  const { namespaced, cluster } = sweepable(types);
  const watched = namespaced.filter((t) => !isEvents(t));
  const before = opts.provider === 'existing' ? new Set(marker.namespacesBefore ?? []) : new Set<string>();
  const kept = (n: string) => PROTECTED_NAMESPACES.has(n) || before.has(n) || before.has('*');
  const wanted = [...new Set([...target.namespaces, ...labelledNs.map((n) => n.metadata.name), ...Object.keys(target.keep ?? {})])].filter((n) => !kept(n));
  const objects = new Map((await Promise.all(wanted.map(async (n) => [n, await api.get(nsPath(n))] as const))).filter(([, o]) => !!o));
  const present = [...objects.keys()];
  // Emptied in place: kept by the target and not already going (a learner may have deleted one).
  const inPlace = new Set(present.filter((n) => target.keep?.[n] && !objects.get(n)!.metadata.deletionTimestamp));

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

  const emptyNamespace = (ns: string, types: ResourceType[] = watched) =>
    Promise.all(
      types
        .filter((t) => t.verbs.includes('deletecollection'))
        // Grace period 0: Pods go at once instead of after their 30 s of termination.
        .map((t) => refusedForAWhile(() => api.delete(apiPath(t, ns), { gracePeriodSeconds: '0', propagationPolicy: 'Background' }), deadline)),
    );
  // The types that held labelled objects anywhere: the later looks list only those (nothing else
  // makes labelled objects meanwhile).
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
  // Every namespace's content goes first, while the namespace is active: the ones that are then
  // deleted are nearly empty, so the namespace controller's pass is short.
  const [, , nodesRestored] = await Promise.all([
    Promise.all(present.map((n) => emptyNamespace(n))),
    Promise.all([...namespaced, ...cluster].map(deleteLabelled)),
    putNodesBack(api, marker, opts.provider),
  ]);
  const going = present.filter((n) => !inPlace.has(n));
  await Promise.all(going.map((n) => refusedForAWhile(() => api.delete(nsPath(n)), deadline)));
  // Deleted namespaces are waited for unless told otherwise; one that is kept always (its setup comes next).
  const awaited = new Set(going.filter((n) => opts.waitForNamespaces !== false || target.keep?.[n]));

  // Wait until nothing is left. A namespace emptied in place counts as empty after two full looks
  // in a row (every type listed) find nothing: by then every owner is gone, so no controller makes
  // anything again. While something is left, the next look lists only the types that held it.
  let emptyOnce = new Set<string>();
  const busyTypes = new Map<string, ResourceType[] | undefined>();
  let live = [...awaited];
  let filling = [...inPlace];
  for (;;) {
    const [contents, gone, labelled, stillPending] = await Promise.all([
      Promise.all(
        filling.map(async (ns) => {
          const types = busyTypes.get(ns) ?? watched;
          const lists = await Promise.all(types.map(async (t) => ({ t, items: (await api.list(apiPath(t, ns))).filter((o) => !remade(t, o)) })));
          const busy = lists.filter((l) => l.items.length).map((l) => l.t);
          busyTypes.set(ns, busy.length ? busy : undefined);
          return { ns, left: lists.flatMap((l) => l.items.map((o) => ({ ...o, kind: l.t.kind }))), busy, full: types === watched };
        }),
      ),
      Promise.all(live.map(async (ns) => ((await api.get(nsPath(ns))) ? undefined : ns))),
      labelledTypes.size
        ? Promise.all([...labelledTypes].map((t) => api.list(apiPath(t), { labelSelector: target.selector }).then((l) => (l.length ? l.map((o) => ({ ...o, kind: t.kind })) : (labelledTypes.delete(t), []))))).then((l): KObject[] => l.flat())
        : ([] as KObject[]),
      Promise.all(pending.map(async (p) => ((await api.get(p.path)) ? p : undefined))).then((l) => l.filter((p) => p !== undefined)),
    ]);
    live = live.filter((n) => !gone.includes(n));
    pending = stillPending;
    const next = new Set<string>();
    for (const { ns, left, busy, full } of contents) {
      if (left.length) {
        // Delete again what a controller made meanwhile (what is already going is left to finish).
        const again = busy.filter((t) => left.some((o) => o.kind === t.kind && !o.metadata.deletionTimestamp));
        if (again.length) await emptyNamespace(ns, again);
      } else if (full) {
        if (emptyOnce.has(ns)) filling = filling.filter((n) => n !== ns);
        else next.add(ns);
      }
    }
    emptyOnce = next;
    if (live.length === 0 && filling.length === 0 && labelled.length === 0 && pending.length === 0) break;
    if (performance.now() > deadline) {
      const names = [...contents.flatMap((c) => c.left), ...labelled].slice(0, 5).map(describe);
      const what = [...live.map((n) => `namespace/${n}`), ...names, ...pending.map((p) => p.name)];
      throw new LifecycleError('failed', 'cleanStuck', { seconds: Math.round((performance.now() - t0) / 1000), what: [...new Set(what)].join(', ') });
    }
    await sleep(emptyOnce.size ? 50 : 200);
  }

  // The kept namespaces get their setup's labels and annotations back, and their events go.
  await Promise.all([...inPlace].map((ns) => restoreNamespace(api, ns, target.keep![ns], namespaced.filter(isEvents), deadline)));
  return { deleted, namespaces: present, nodesRestored, durationMs: performance.now() - t0 };
}

/**
 * Puts back a kept namespace's labels and annotations (a learner may have labelled it for a
 * policy), deletes its events, records when this run of the lab begins, and waits for its default
 * ServiceAccount, which the controllers make again at once: a Pod in the setup needs it.
 *
 * Events are the one thing a kept namespace cannot be rid of for sure: a kubelet reports a killed
 * container late, and a repeated event is written again when its count goes up. The checks read
 * only events that happened from RUN_STARTED_ANNOTATION on (checker/checks/define.ts), so an event about an
 * object of the last run never counts in this one.
 */
async function restoreNamespace(api: KubeApi, ns: string, meta: NamespaceMeta, events: ResourceType[], deadline: number): Promise<void> {
  await purgeEvents(api, ns, events, deadline);
  let written: KObject | undefined;
  for (let attempt = 0; !written; attempt++) {
    const now = await api.get(nsPath(ns));
    if (!now) return;
    const labels = { ...(meta.labels ?? {}), 'kubernetes.io/metadata.name': ns };
    // A new value each run, so that the write happens and its time is the server's now.
    const annotations: Record<string, string> = { ...(meta.annotations ?? {}), [RUN_STARTED_ANNOTATION]: `pending ${Math.random().toString(36).slice(2)}` };
    const last = now.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
    if (last) annotations['kubectl.kubernetes.io/last-applied-configuration'] = last;
    try {
      written = await api.replace(nsPath(ns), { ...now, metadata: { ...now.metadata, labels, annotations } });
    } catch (err) {
      if ((err as { status?: number }).status !== 409 || attempt >= 5) throw err;
    }
  }
  // The server's time of that write (whole seconds, rounded down): every later event is of this run.
  const times = ((written.metadata.managedFields ?? []) as { time?: string }[]).map((f) => Date.parse(f.time ?? '')).filter(Number.isFinite);
  const started = times.length ? new Date(Math.max(...times)).toISOString().replace(/\.\d+Z$/, 'Z') : new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  await api.patch(nsPath(ns), { metadata: { annotations: { [RUN_STARTED_ANNOTATION]: started } } });
  while (!(await api.get(apiPath(CORE('serviceaccounts'), ns, 'default'))) && performance.now() < deadline) await sleep(50);
}

/** Deletes the namespace's events one by one until none is left (a collection delete of many can take longer than a request may). */
async function purgeEvents(api: KubeApi, ns: string, events: ResourceType[], deadline: number): Promise<void> {
  const core = events.find((t) => t.group === '') ?? events[0];
  if (!core) return;
  for (let round = 0; round < 5 && performance.now() < deadline; round++) {
    const left = await api.list(apiPath(core, ns));
    if (!left.length) return;
    for (let i = 0; i < left.length; i += 50) {
      await Promise.all(left.slice(i, i + 50).map((e) => api.delete(apiPath(core, ns, e.metadata.name)).catch(() => 'absent')));
    }
  }
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

function describe(o: KObject): string {
  return `${o.kind ?? 'object'}/${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
}

/** The sweep for one lab: its label, its namespace. */
export function labSweep(lab: Pick<LoadedLab, 'id' | 'namespace'>): SweepTarget {
  return { selector: `${LAB_LABEL}=${lab.id}`, namespaces: [lab.namespace] };
}

/** Everything of every lab (for `lab down` on an adopted cluster). */
export const allLabsSweep: SweepTarget = { selector: LAB_LABEL, namespaces: [] };

/**
 * Removes the lab from the cluster (and the node changes of any lab). Its namespaces are deleted,
 * and waited for unless `wait` is false; those in `keep` are emptied in place instead (a reset).
 */
export async function cleanLab(t: LabTarget, lab: LoadedLab, opts: Pick<UpOptions, 'progress' | 'lang'>, how: { keep?: Record<string, NamespaceMeta>; wait?: boolean } = {}): Promise<SweepReport> {
  return opts.progress.step(say(opts.lang, 'stepClean', { lab: lab.id }), () =>
    sweep(t.api, t.marker, { ...labSweep(lab), keep: how.keep }, { provider: t.state.provider, waitForNamespaces: how.wait }),
  );
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
  // The namespaces the setup defines stay and are emptied (no wait for the namespace controller).
  const keep: Record<string, NamespaceMeta> = {};
  for (const { object } of await readSetup(lab)) {
    if (object.kind === 'Namespace' && object.apiVersion === 'v1') keep[object.metadata.name] = { labels: object.metadata.labels, annotations: object.metadata.annotations };
  }
  const folders = t.state.provider === 'kind' ? await labHostFolders(t.api, lab) : [];
  const report = await cleanLab(t, lab, opts, { keep });
  if (folders.length) await emptyKindFolders(folders, opts.sys);
  // The nodes are at the baseline now: no lab's node changes are applied.
  t.marker.currentLab = undefined;
  await setUpLab(t, lab, opts);
  return report;
}
