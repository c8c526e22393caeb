// Checks for lab-24. The budget is graded by what it allows: the disruptions it would permit with
// 2, 4 and 8 healthy replicas (worked out as the disruption controller does) and what the
// controller reports now. It must be the budget from the start, changed in place: setup creates it
// just before the Deployment, so a recreated budget is younger than web, and an in-place change
// raises its generation while a budget created with the final spec stays at generation 1.
// The drain is graded on the node (cordoned) and on where the lab's Pods are.
import { defineChecks, match, matchesSelector, not, observe, rolloutComplete, type KObject } from '../../checker/index.ts';

const NODE = 'wheelhouse-worker2';
const OTHER = 'wheelhouse-worker';
const WEB_LABELS = { app: 'web', 'wheelhouse.dev/lab': 'lab-24' };
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
  'pdb-fixed': async ({ get }) => {
    const [pdb, web] = await Promise.all([get('policy/v1', 'PodDisruptionBudget', 'web-pdb'), get('apps/v1', 'Deployment', 'web')]);
    if (!pdb) return [];
    const generation = Number(pdb.metadata.generation ?? 1);
    const created = Date.parse(String(pdb.metadata.creationTimestamp ?? ''));
    const webCreated = web ? Date.parse(String(web.metadata.creationTimestamp ?? '')) : NaN;
    const younger = Number.isFinite(created) && Number.isFinite(webCreated) && created > webCreated;
    const original = generation > 1 && !younger;
    const allowed = SCALES.map((r) => allowedAt(pdb.spec, r));
    const selects =
      matchesSelector(pdb.spec?.selector, WEB_LABELS) &&
      !matchesSelector(pdb.spec?.selector, {
        app: 'node-agent',
        'wheelhouse.dev/lab': 'lab-24',
      });
    // Untouched since setup: the spec below says what is wrong; no need to talk about identity yet.
    const untouched = generation === 1 && !younger && pdb.spec?.minAvailable === 4;
    return [
      untouched
        ? []
        : observe(
            pdb,
            'metadata (generation, creationTimestamp)',
            'the budget from the start, changed in place',
            original
              ? 'the budget from the start, changed in place'
              : younger
                ? `a new budget, created after deployment/web (${pdb.metadata.creationTimestamp})`
                : `generation ${generation}: never changed since it was created`,
            { ok: original },
          ),
      observe(pdb, 'spec.selector', 'selects the Pods of web (app=web)', selects ? 'selects the Pods of web (app=web)' : JSON.stringify(pdb.spec?.selector ?? {}), { ok: selects }),
      observe(
        pdb,
        `spec (disruptions allowed with ${SCALES.join(', ')} healthy replicas)`,
        SCALES.map(() => 1).join(', '),
        allowed.map((a) => (a === undefined ? '?' : a)).join(', ') + ` (minAvailable ${pdb.spec?.minAvailable ?? '-'}, maxUnavailable ${pdb.spec?.maxUnavailable ?? '-'})`,
        { ok: allowed.every((a) => a === 1) },
      ),
      // Written by the disruption controller a moment after the change.
      match(pdb, {
        status: { disruptionsAllowed: 1, observedGeneration: generation },
      }),
    ];
  },

  'node-drained': async ({ get, list }) => {
    const [node, other, agent] = await Promise.all([get('v1', 'Node', NODE), get('v1', 'Node', OTHER), get('apps/v1', 'DaemonSet', 'node-agent')]);
    const onNode = live(await list('v1', 'Pod', { fieldSelector: `spec.nodeName=${NODE}` }));
    const left = onNode.filter((p) => !byDaemonSet(p));
    return [
      match(node, { spec: { unschedulable: true } }),
      match(other, { spec: { unschedulable: not(true) } }),
      // Evicted Pods are deleted a moment after the eviction is accepted.
      observe(onNode, `Pods on ${NODE} (not of a DaemonSet)`, 'none', names(left), { ok: left.length === 0, settling: true }),
      // The agent belongs on the node: drain ignores DaemonSet Pods, nobody deletes the DaemonSet.
      rolloutComplete(agent),
    ];
  },

  'web-available': async ({ get, list }) => {
    const web = await get('apps/v1', 'Deployment', 'web');
    if (!web) return [];
    const pods = live(await list('v1', 'Pod', { labelSelector: 'app=web' }));
    const elsewhere = pods.filter((p) => p.spec?.nodeName && p.spec.nodeName !== NODE && isReady(p));
    const there = pods.filter((p) => p.spec?.nodeName === NODE);
    return [
      match(web, {
        spec: { replicas: 4 },
        status: { readyReplicas: 4, availableReplicas: 4 },
      }),
      rolloutComplete(web),
      observe(pods, `Ready Pods of web not on ${NODE}`, 4, elsewhere.length, {
        ok: elsewhere.length >= 4,
        settling: true,
      }),
      observe(pods, `Pods of web on ${NODE}`, 'none', names(there), {
        ok: there.length === 0,
        settling: true,
      }),
    ];
  },
});
