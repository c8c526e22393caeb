// Checks for lab-24. The budget is graded by what it allows: the disruptions it would permit with
// 2, 4 and 8 healthy replicas (worked out as the disruption controller does) and what the
// controller reports now. It must be the budget from the start, changed in place: setup creates it
// just before the Deployment, so a recreated budget is younger than web, and an in-place change
// raises its generation while a budget created with the final spec stays at generation 1.
// The drain is graded on the nodes (worker2 cordoned, worker still in service), on where the lab's
// Pods are, and on what must stay as it was: node-agent (the original DaemonSet, its template, its
// Pod on worker2) and web (the original Deployment and its template: not steered off the node).
// Setup applies web and node-agent together, so one made again later is seconds younger.
// Clauses: lab.yaml; each observation's path names the clause it grades.
import { defineChecks, match, matchesSelector, not, observe, phrase, podReady, rolloutComplete, sameImage, type KObject } from '../../checker/index.ts';

const NODE = 'wheelhouse-worker2';
const OTHER = 'wheelhouse-worker';
const WEB_LABELS = { app: 'web', 'wheelhouse.dev/lab': 'lab-24' };
const AGENT_LABELS = { app: 'node-agent', 'wheelhouse.dev/lab': 'lab-24' };
/** How far apart setup's objects of one apply may be created. */
const SAME_APPLY_S = 5;
const secondsBetween = (a: KObject, b: KObject) => (Date.parse(String(b.metadata.creationTimestamp)) - Date.parse(String(a.metadata.creationTimestamp))) / 1000;
const SCALES = [2, 4, 8];

type IntOrPercent = number | string | undefined;

/** An int-or-percent of `replicas`, rounded up as the disruption controller rounds it. */
function scaled(v: IntOrPercent, replicas: number): number | undefined {
  if (typeof v === 'number') return v;
  const m = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null;
  return m ? Math.ceil((Number(m[1]) * replicas) / 100) : undefined;
}

/** Disruptions the budget allows when all `replicas` Pods are healthy, or undefined when it cannot say. */
function allowedAt(spec: { minAvailable?: IntOrPercent; maxUnavailable?: IntOrPercent } | undefined, replicas: number): number | undefined {
  if (spec?.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    const max = scaled(spec.maxUnavailable, replicas);
    return max === undefined ? undefined : Math.max(0, max);
  }
  if (spec?.minAvailable !== undefined && spec.minAvailable !== null) {
    const min = scaled(spec.minAvailable, replicas);
    return min === undefined ? undefined : Math.max(0, replicas - min);
  }
  return undefined;
}

const live = (pods: KObject[]) => pods.filter((p) => !p.metadata.deletionTimestamp);
const byDaemonSet = (p: KObject) => (p.metadata.ownerReferences ?? []).some((r) => r.kind === 'DaemonSet');
const isReady = (p: KObject) => (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
const names = (pods: KObject[]) => (pods.length ? pods.map((p) => p.metadata.name).join(', ') : 'none');

export default defineChecks({
  'pdb-fixed': async ({ get, list }) => {
    const [pdb, web] = await Promise.all([get('policy/v1', 'PodDisruptionBudget', 'web-pdb'), get('apps/v1', 'Deployment', 'web')]);
    if (!pdb) return [];
    const generation = Number(pdb.metadata.generation ?? 1);
    const created = Date.parse(String(pdb.metadata.creationTimestamp ?? ''));
    const webCreated = web ? Date.parse(String(web.metadata.creationTimestamp ?? '')) : NaN;
    const younger = Number.isFinite(created) && Number.isFinite(webCreated) && created > webCreated;
    const original = generation > 1 && !younger;
    const allowed = SCALES.map((r) => allowedAt(pdb.spec, r));
    // selects-web: what the selector selects, not how it is written. A null selector selects no Pod.
    const webPods = live(await list('v1', 'Pod', { labelSelector: 'app=web' }));
    const selector = pdb.spec?.selector;
    const podLabels = [WEB_LABELS, ...webPods.map((p) => p.metadata.labels ?? {})];
    const selectsWeb = podLabels.every((l) => matchesSelector(selector, l));
    const others: Record<string, string>[] = [AGENT_LABELS, { app: 'other' }, {}];
    const selectsOthers = others.some((l) => matchesSelector(selector, l));
    // Untouched since setup: the spec below says what is wrong; no need to talk about identity yet.
    const untouched = generation === 1 && !younger && pdb.spec?.minAvailable === 4;
    const at = (r: number) => allowed[SCALES.indexOf(r)];
    const shown = (a: number | undefined) => (a === undefined ? '?' : a);
    const fields = `minAvailable ${pdb.spec?.minAvailable ?? '-'}, maxUnavailable ${pdb.spec?.maxUnavailable ?? '-'}`;
    return [
      untouched
        ? []
        : observe(
            pdb,
            'metadata (generation, creationTimestamp: the budget from the start, changed in place)',
            'the budget from the start, changed in place',
            original
              ? 'the budget from the start, changed in place'
              : younger
                ? `a new budget, created after deployment/web (${pdb.metadata.creationTimestamp})`
                : `generation ${generation}: never changed since it was created`,
            { ok: original },
          ),
      observe(pdb, 'spec.selector (exactly the Pods labelled app=web)', 'selects the Pods of web (app=web), and no other', selectsWeb && !selectsOthers ? 'selects the Pods of web (app=web), and no other' : selector ? JSON.stringify(selector) : phrase('nothing'), {
        ok: selectsWeb && !selectsOthers,
      }),
      observe(pdb, 'spec (disruptions allowed with 4 healthy replicas)', 1, `${shown(at(4))} (${fields})`, { ok: at(4) === 1 }),
      observe(pdb, 'spec (disruptions allowed with 2 and 8 healthy replicas)', '1, 1', `${shown(at(2))}, ${shown(at(8))} (${fields})`, { ok: at(2) === 1 && at(8) === 1 }),
      // Written by the disruption controller a moment after the change.
      match(pdb, { status: { disruptionsAllowed: 1, observedGeneration: generation } }),
    ];
  },

  'node-drained': async ({ get, list }) => {
    const [node, other, agent, web] = await Promise.all([get('v1', 'Node', NODE), get('v1', 'Node', OTHER), get('apps/v1', 'DaemonSet', 'node-agent'), get('apps/v1', 'Deployment', 'web')]);
    const onNode = live(await list('v1', 'Pod', { fieldSelector: `spec.nodeName=${NODE}` }));
    const left = onNode.filter((p) => !byDaemonSet(p));
    const agentPod = agent ? onNode.find((p) => (p.metadata.ownerReferences ?? []).some((r) => r.uid === agent.metadata.uid)) : undefined;
    const keepsOut = (other?.spec?.taints ?? []).filter((t: { effect: string }) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    const template = agent?.spec?.template?.spec ?? {};
    return [
      // cordoned
      match(node, { spec: { unschedulable: true } }),
      // empty: evicted Pods are deleted a moment after the eviction is accepted.
      observe(onNode, `Pods on ${NODE} (not of a DaemonSet)`, 'none', names(left), { ok: left.length === 0, settling: true }),
      // agent-untouched: the original DaemonSet, its template as setup made it, its Pod still on the node.
      agent && web ? observe(agent, 'metadata.creationTimestamp (the original DaemonSet, not made again)', phrase('atMost', { value: `${web.metadata.creationTimestamp} + ${SAME_APPLY_S}s` }), agent.metadata.creationTimestamp, { ok: secondsBetween(web, agent) <= SAME_APPLY_S }) : [],
      agent
        ? observe(agent, 'spec.template.spec (node-agent left as it is: no node selector, affinity or toleration added)', phrase('absent'), template.nodeSelector ?? template.affinity ?? template.tolerations ?? phrase('absent'), {
            ok: !template.nodeSelector && !template.affinity && !template.tolerations,
          })
        : [],
      agent ? observe(agent, `Pod of node-agent on ${NODE}`, phrase('exists'), agentPod ? agentPod.metadata.name : phrase('nothing'), { ok: !!agentPod, settling: true }) : [],
      agentPod ? podReady(agentPod) : [],
      rolloutComplete(agent),
      // worker-in-service
      match(other, { spec: { unschedulable: not(true) } }),
      other ? observe(other, 'spec.taints (NoSchedule or NoExecute: wheelhouse-worker stays in service)', phrase('noItems'), keepsOut.length ? keepsOut.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`) : phrase('noItems'), { ok: keepsOut.length === 0 }) : [],
    ];
  },

  'web-available': async ({ get, list }) => {
    const [web, agent] = await Promise.all([get('apps/v1', 'Deployment', 'web'), get('apps/v1', 'DaemonSet', 'node-agent')]);
    if (!web) return [];
    const pods = live(await list('v1', 'Pod', { labelSelector: 'app=web' }));
    const ready = pods.filter((p) => p.spec?.nodeName && p.spec.nodeName !== NODE && isReady(p));
    const t = web.spec?.template?.spec ?? {};
    const steering = { nodeSelector: t.nodeSelector, nodeName: t.nodeName, affinity: t.affinity, tolerations: t.tolerations };
    const steered = Object.fromEntries(Object.entries(steering).filter(([, v]) => v !== undefined));
    const image = t.containers?.[0]?.image;
    return [
      // four-ready
      match(web, { spec: { replicas: 4 }, status: { readyReplicas: 4, availableReplicas: 4 } }),
      rolloutComplete(web),
      observe(pods, `Ready Pods of web not on ${NODE}`, 4, ready.length, { ok: ready.length >= 4, settling: true }),
      // template-unchanged: the original Deployment, not steered away from the node by its template.
      agent ? observe(web, 'metadata.creationTimestamp (the original Deployment, not made again)', phrase('atMost', { value: `${agent.metadata.creationTimestamp}` }), web.metadata.creationTimestamp, { ok: secondsBetween(web, agent) >= 0 }) : [],
      observe(web, 'spec.template.spec (nodeSelector, nodeName, affinity, tolerations: the template left as it was)', phrase('absent'), Object.keys(steered).length ? steered : phrase('absent'), { ok: Object.keys(steered).length === 0 }),
      observe(web, 'spec.template.spec.containers[0].image', 'nginx:1.27', image ?? phrase('nothing'), { ok: sameImage(image, 'nginx:1.27') }),
    ];
  },
});
