// Checks for lab-21. The PriorityClass and the Pod are read from the API; that the scheduler
// really preempted is read from what it leaves behind: the Pod bound to the full node, a
// Preempted event on a filler Pod naming critical's uid, and fewer filler Pods on the node while
// the Deployment still asks for four. Scaling filler down makes room too, but preempts nothing.
import { defineChecks, filterList, match, not, observe, oneOf, phrase, podReady, some, type KObject } from '../../checker/index.ts';

const NODE = 'wheelhouse-worker2';
const VALUE = 1_000_000;
const FILLER_REPLICAS = 4;
const LAB = { 'wheelhouse.dev/lab': 'lab-21' };

/** A CPU quantity in millicores (500m, 0.5, "1"), or undefined. */
function millicores(q: unknown): number | undefined {
  if (typeof q === 'number') return q * 1000;
  if (typeof q !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(q.trim());
  if (!m) return undefined;
  return m[2] ? Number(m[1]) : Number(m[1]) * 1000;
}

const isFiller = (p: KObject) => p.metadata.labels?.app === 'filler';
const live = (p: KObject) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded';

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

  'critical-pod': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'critical');
    if (!pod) return [];
    const app = (pod.spec?.containers ?? []).find((c: { name: string }) => c.name === 'app');
    const cpu = app?.resources?.requests?.cpu;
    return [
      match(pod, {
        spec: {
          priorityClassName: 'critical-priority',
          priority: VALUE,
          containers: some({ name: 'app', image: 'registry.k8s.io/pause:3.10', resources: { requests: { memory: '64Mi' } } }),
        },
      }),
      app ? observe(pod, 'spec.containers[app].resources.requests.cpu', '500m', cpu ?? 'none', { ok: millicores(cpu) === 500 }) : [],
    ];
  },

  'critical-running': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'critical');
    if (!pod) return [];
    // A Pod still waiting for its victims to leave has status.nominatedNodeName and no nodeName yet.
    return [observe(pod, 'spec.nodeName', NODE, pod.spec?.nodeName ?? phrase('nothing'), { settling: !pod.spec?.nodeName }), podReady(pod)];
  },

  'filler-preempted': async ({ get, list }) => {
    const [critical, filler] = await Promise.all([get('v1', 'Pod', 'critical'), get('apps/v1', 'Deployment', 'filler')]);
    if (!critical || !filler) return [];
    const [events, pods] = await Promise.all([list('v1', 'Event', { fieldSelector: 'reason=Preempted,involvedObject.kind=Pod' }), list('v1', 'Pod', { labelSelector: 'app=filler' })]);
    const uid = critical.metadata.uid as string;
    const forCritical = events.filter((e) => isFillerName(e.involvedObject?.name) && String(e.message ?? '').includes(uid));
    const onNode = filterList(pods, (p) => isFiller(p) && live(p) && p.spec?.nodeName === NODE);
    return [
      match(filler, { spec: { replicas: FILLER_REPLICAS } }),
      // The scheduler's own words on the victim: "Preempted by pod <uid of critical> on node wheelhouse-worker2".
      observe(events, 'reason=Preempted: message', `Preempted by pod ${uid} on node ${NODE}`, forCritical.length ? forCritical.map((e) => `${e.involvedObject.name}: ${e.message}`).join('; ') : phrase('noItems'), {
        ok: forCritical.length > 0,
        settling: true,
      }),
      observe(onNode, `spec.nodeName=${NODE} (running filler Pods)`, phrase('atMost', { value: FILLER_REPLICAS - 1 }), onNode.length, { ok: onNode.length < FILLER_REPLICAS, settling: true }),
    ];
  },
});

/** Pods of the filler Deployment are named filler-<hash>-<suffix>. */
function isFillerName(name: unknown): boolean {
  return typeof name === 'string' && name.startsWith('filler-');
}
