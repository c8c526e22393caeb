// Checks for lab-21. The PriorityClass and the Pod are read from the API; that the scheduler
// really preempted is read from what it leaves behind: the Pod bound to the full node by the
// scheduler (not pinned with spec.nodeName), a Preempted event on a filler Pod naming critical's
// uid, fewer filler Pods on the node, and the victim's replacement Pending, while the Deployment
// filler is the original one, unchanged. Scaling filler down makes room too, but preempts nothing.
// Clauses: lab.yaml; each observation's path names the clause it grades.
import { defineChecks, filterList, match, not, observe, oneOf, phrase, podReady, sameQuantity, type KObject } from '../../checker/index.ts';

const NODE = 'wheelhouse-worker2';
const VALUE = 1_000_000;
const FILLER_REPLICAS = 4;
const LAB = { 'wheelhouse.dev/lab': 'lab-21' };

const isFiller = (p: KObject) => p.metadata.labels?.app === 'filler';
const live = (p: KObject) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded';

interface NodeRequirement {
  key: string;
  operator: string;
  values?: string[];
}

/** One requirement of a node selector term against a node's labels (or fields, for matchFields). */
function requirementHolds(r: NodeRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

/** A taint that keeps new Pods away (NoSchedule, NoExecute) is tolerated by one of the Pod's tolerations. */
function tolerated(taint: { key: string; value?: string; effect: string }, tolerations: Toleration[]): boolean {
  if (taint.effect === 'PreferNoSchedule') return true;
  return tolerations.some(
    (t) => (!t.effect || t.effect === taint.effect) && (t.key === undefined || t.key === '' ? t.operator === 'Exists' : t.key === taint.key) && (t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '')),
  );
}

/**
 * The nodes a Pod may run on by its own constraints: a nodeName its manifest pins, its nodeSelector,
 * its required node affinity, and the taints it tolerates (the node the scheduler chose is not a constraint).
 */
function allowedNodes(pod: KObject, nodes: KObject[]): string[] {
  const spec = pod.spec ?? {};
  const pinned = pinnedBy(pod) ? spec.nodeName : undefined;
  return nodes
    .filter((n) => {
      const labels: Record<string, string> = n.metadata.labels ?? {};
      if (pinned && pinned !== n.metadata.name) return false;
      if (!(n.spec?.taints ?? []).every((t: { key: string; value?: string; effect: string }) => tolerated(t, spec.tolerations ?? []))) return false;
      for (const [k, v] of Object.entries((spec.nodeSelector ?? {}) as Record<string, string>)) if (labels[k] !== v) return false;
      const terms: { matchExpressions?: NodeRequirement[]; matchFields?: NodeRequirement[] }[] | undefined =
        spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
      if (!terms) return true;
      // Terms are ORed; the requirements of one term are ANDed. An empty term matches nothing.
      return terms.some(
        (t) =>
          (t.matchExpressions?.length || t.matchFields?.length) &&
          (t.matchExpressions ?? []).every((r) => requirementHolds(r, labels[r.key])) &&
          (t.matchFields ?? []).every((r) => requirementHolds(r, r.key === 'metadata.name' ? n.metadata.name : undefined)),
      );
    })
    .map((n) => n.metadata.name)
    .sort();
}

/** spec.nodeName written by whoever made the Pod (a field manager owns it), not by the scheduler's binding. */
function pinnedBy(pod: KObject): string | undefined {
  const managers = (pod.metadata.managedFields ?? []) as { manager?: string; fieldsV1?: { 'f:spec'?: Record<string, unknown> } }[];
  return managers.find((m) => m.fieldsV1?.['f:spec']?.['f:nodeName'] !== undefined)?.manager;
}

export default defineChecks({
  'priority-class': async ({ get }) => {
    const pc = await get('scheduling.k8s.io/v1', 'PriorityClass', 'critical-priority');
    return match(pc, {
      metadata: { labels: LAB },
      value: VALUE,
      // A global default would give every Pod without a class this priority, in every namespace.
      globalDefault: not(true),
      preemptionPolicy: oneOf('PreemptLowerPriority'),
    });
  },

  'critical-pod': async ({ get, list }) => {
    const pod = await get('v1', 'Pod', 'critical');
    if (!pod) return [];
    const nodes = await list('v1', 'Node');
    const containers: { name: string; image?: string; resources?: { requests?: Record<string, unknown> } }[] = pod.spec?.containers ?? [];
    const app = containers.find((c) => c.name === 'app');
    const cpu = app?.resources?.requests?.cpu;
    const memory = app?.resources?.requests?.memory;
    const allowed = allowedNodes(pod, nodes);
    return [
      observe(pod, 'spec.containers (one container, app)', ['app'], containers.map((c) => c.name)),
      match(pod, { spec: { priorityClassName: 'critical-priority' } }),
      app
        ? [
            observe(pod, 'spec.containers[app].image', 'registry.k8s.io/pause:3.10', app.image ?? phrase('nothing')),
            observe(pod, 'spec.containers[app].resources.requests.cpu', '500m', cpu ?? phrase('nothing'), { ok: sameQuantity(cpu, '500m') }),
            observe(pod, 'spec.containers[app].resources.requests.memory', '64Mi', memory ?? phrase('nothing'), { ok: sameQuantity(memory, '64Mi') }),
          ]
        : [],
      // "May run only on wheelhouse-worker2": the nodes its nodeName, nodeSelector and required
      // node affinity admit, among the cluster's nodes. A preferred affinity admits every node.
      observe(pod, 'spec (nodes the Pod may run on)', [NODE], allowed),
    ];
  },

  'critical-running': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'critical');
    if (!pod) return [];
    const pinned = pinnedBy(pod);
    return [
      // Only the scheduler preempts: a Pod pinned with spec.nodeName skips it.
      observe(pod, 'spec.nodeName (set by the scheduler, not by the Pod manifest)', phrase('absent'), pinned ? `spec.nodeName: ${pod.spec?.nodeName} (${pinned})` : phrase('absent'), { ok: !pinned }),
      // A Pod still waiting for its victims to leave has status.nominatedNodeName and no nodeName yet.
      observe(pod, 'spec.nodeName', NODE, pod.spec?.nodeName ?? phrase('nothing'), { settling: !pod.spec?.nodeName }),
      podReady(pod),
    ];
  },

  'filler-preempted': async ({ get, list }) => {
    const [critical, filler, batchLow] = await Promise.all([
      get('v1', 'Pod', 'critical'),
      get('apps/v1', 'Deployment', 'filler'),
      get('scheduling.k8s.io/v1', 'PriorityClass', 'batch-low'),
    ]);
    if (!critical || !filler || !batchLow) return [];
    const [events, pods] = await Promise.all([list('v1', 'Event', { fieldSelector: 'reason=Preempted,involvedObject.kind=Pod' }), list('v1', 'Pod', { labelSelector: 'app=filler' })]);
    const uid = critical.metadata.uid as string;
    const forCritical = events.filter((e) => isFillerName(e.involvedObject?.name) && String(e.message ?? '').includes(uid));
    const fillers = filterList(pods, (p) => isFiller(p) && live(p));
    const onNode = filterList(fillers, (p) => p.spec?.nodeName === NODE);
    const elsewhere = filterList(fillers, (p) => !!p.spec?.nodeName && p.spec.nodeName !== NODE);
    const pending = filterList(fillers, (p) => !p.spec?.nodeName);
    // The setup creates batch-low and filler in one apply: a filler made again later is younger.
    const age = (Date.parse(filler.metadata.creationTimestamp as string) - Date.parse(batchLow.metadata.creationTimestamp as string)) / 1000;
    const template = filler.spec?.template?.spec ?? {};
    const work = (template.containers ?? [])[0] ?? {};
    return [
      // filler-untouched: the original Deployment, four replicas, its template as the setup made it.
      observe(filler, 'metadata.creationTimestamp (the original Deployment, not made again)', phrase('atMost', { value: `${batchLow.metadata.creationTimestamp} + 5s` }), filler.metadata.creationTimestamp, { ok: age <= 5 }),
      match(filler, {
        spec: {
          replicas: FILLER_REPLICAS,
          template: { spec: { priorityClassName: 'batch-low', nodeSelector: { workload: 'batch' } } },
        },
      }),
      observe(filler, 'spec.template.spec.containers[work].resources.requests.cpu', '900m', work.resources?.requests?.cpu ?? phrase('nothing'), { ok: sameQuantity(work.resources?.requests?.cpu, '900m') }),
      // preempted: the scheduler's own words on the victim, "Preempted by pod <uid of critical> on node wheelhouse-worker2".
      observe(events, 'reason=Preempted: message (a filler Pod preempted for critical)', `Preempted by pod ${uid} on node ${NODE}`, forCritical.length ? forCritical.map((e) => `${e.involvedObject.name}: ${e.message}`).join('; ') : phrase('noItems'), {
        ok: forCritical.length > 0,
        settling: true,
      }),
      observe(onNode, `spec.nodeName=${NODE} (running filler Pods)`, phrase('atMost', { value: FILLER_REPLICAS - 1 }), onNode.length, { ok: onNode.length < FILLER_REPLICAS, settling: true }),
      // replacement-pending: the victim's replacement has nowhere to go.
      observe(pending, 'spec.nodeName (the replacement filler Pod stays Pending)', phrase('atLeast', { value: 1 }), pending.length, { ok: pending.length >= 1, settling: true }),
      observe(elsewhere, `spec.nodeName (filler Pods on nodes other than ${NODE})`, 0, elsewhere.length),
    ];
  },
});

/** Pods of the filler Deployment are named filler-<hash>-<suffix>. */
function isFillerName(name: unknown): boolean {
  return typeof name === 'string' && name.startsWith('filler-');
}
