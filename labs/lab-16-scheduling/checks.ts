// Checks for lab-16, clause by clause (lab.yaml `clauses`). The node's label and its one gpu taint,
// the other nodes untouched; gpu-pod on the node, tolerating the taint by Kubernetes' own rule,
// fixed in place (same uid) with its label and container; spread changed in place to a preferred
// anti-affinity with the same selector (any equivalent spelling) and topology key, rolled out.
import { defineChecks, exactly, image, match, observe, phrase, rolloutComplete, sameObject, type KObject } from '../../checker/index.ts';

const GPU_NODE = 'wheelhouse-worker';
const OTHER_NODES = ['wheelhouse-worker2', 'wheelhouse-control-plane'];
const HOSTNAME = 'kubernetes.io/hostname';
const TAINT = { key: 'gpu', value: 'true', effect: 'NoSchedule' };

interface Taint {
  key?: string;
  value?: string;
  effect?: string;
}
interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}
interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

const spell = (t: Taint) => `${t.key ?? ''}${t.value ? `=${t.value}` : ''}:${t.effect ?? ''}`;
const gpuTaints = (node: KObject): Taint[] => (node.spec?.taints ?? []).filter((t: Taint) => t.key === TAINT.key);

/** The scheduler's rule (k8s.io/api core/v1 Toleration.ToleratesTaint). */
function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  return (t.operator ?? 'Equal') === 'Equal' && !!t.key && (t.value ?? '') === (taint.value ?? '');
}

/** A label selector as a set of requirements: matchLabels k: v is k In [v]; sorted, comparable. */
function requirements(s: Selector | undefined): string[] | undefined {
  if (!s) return undefined;
  const reqs = [
    ...Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k} In [${v}]`),
    ...(s.matchExpressions ?? []).map((e) => `${e.key} ${e.operator}${e.values ? ` [${[...new Set(e.values)].sort().join(',')}]` : ''}`),
  ];
  return [...new Set(reqs)].sort();
}

async function eventsAbout(list: (a: string, k: string, o?: { fieldSelector?: string }) => Promise<KObject[]>, name: string): Promise<KObject[]> {
  return list('v1', 'Event', { fieldSelector: `involvedObject.name=${name}` });
}

export default defineChecks({
  'gpu-node': async ({ get, list }) => {
    const node = await get('v1', 'Node', GPU_NODE);
    if (!node) return [];
    const taints = gpuTaints(node);
    const nodes = await list('v1', 'Node');
    const others = nodes.filter((n) => OTHER_NODES.includes(n.metadata.name));
    return [
      // label
      match(node, { metadata: { labels: { gpu: 'true' } } }),
      // taint-key-value, taint-effect: one gpu taint, exactly gpu=true:NoSchedule
      observe(node, 'spec.taints[key=gpu].value', TAINT.value, taints.length ? taints.map((t) => t.value ?? '').join(', ') : phrase('absent'), {
        ok: taints.length === 1 && taints[0].value === TAINT.value,
      }),
      observe(node, 'spec.taints[key=gpu].effect', TAINT.effect, taints.length ? taints.map((t) => t.effect ?? '').join(', ') : phrase('absent'), {
        ok: taints.length === 1 && taints[0].effect === TAINT.effect,
      }),
      // others-untouched: no gpu label or taint elsewhere, and no other node cordoned
      others.map((n) => [
        observe(n, 'metadata.labels.gpu', phrase('absent'), n.metadata.labels?.gpu ?? phrase('absent'), { ok: n.metadata.labels?.gpu === undefined }),
        observe(n, 'spec.taints[key=gpu]', phrase('absent'), gpuTaints(n).length ? gpuTaints(n).map(spell).join(', ') : phrase('absent'), { ok: gpuTaints(n).length === 0 }),
        observe(n, 'spec.unschedulable', phrase('absent'), n.spec?.unschedulable ?? phrase('absent'), { ok: !n.spec?.unschedulable }),
      ]),
    ];
  },

  // The toleration is required even when the Pod got onto the node before the taint did: a
  // recreated Pod (a node failure, a rollout) would not get in again without it.
  'gpu-pod': async ({ get, list }) => {
    const pod = await get('v1', 'Pod', 'gpu-pod');
    if (!pod) return [];
    const tolerations: Toleration[] = pod.spec?.tolerations ?? [];
    const matching = tolerations.filter((t) => tolerates(t, TAINT));
    return [
      // same-pod
      sameObject(pod, await eventsAbout(list, 'gpu-pod')),
      // on-worker
      match(pod, { spec: { nodeName: GPU_NODE }, status: { phase: 'Running' } }),
      // tolerates: by the scheduler's rule (Equal true, or Exists on gpu or on every key; effect NoSchedule or any)
      observe(pod, 'spec.tolerations', phrase('someItemLike', { pattern: '{key: gpu, value: "true", effect: NoSchedule}' }), tolerations.length ? tolerations.map((t) => `${t.key ?? '*'} ${t.operator ?? 'Equal'}${t.value ? ` ${t.value}` : ''}:${t.effect ?? '*'}`).join(', ') : phrase('noItems'), {
        ok: matching.length > 0,
      }),
      // unchanged: label, node selector and the one container as given
      match(pod, {
        metadata: { labels: { app: 'trainer' } },
        spec: { nodeSelector: { gpu: 'true' }, containers: exactly([{ name: 'trainer', image: image('registry.k8s.io/pause:3.10') }]) },
      }),
    ];
  },

  'spread-scheduled': async ({ get, list }) => {
    const spread = await get('apps/v1', 'Deployment', 'spread');
    if (!spread) return [];
    const pods = await list('v1', 'Pod', { labelSelector: 'app=spread' });
    const pending = pods.filter((p) => !p.spec?.nodeName && !p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    const anti = spread.spec?.template?.spec?.affinity?.podAntiAffinity ?? {};
    const terms: { podAffinityTerm?: { topologyKey?: string; labelSelector?: Selector } }[] = anti.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    const wanted = requirements({ matchLabels: { app: 'spread' } })!.join(', ');
    const spelled = (t: (typeof terms)[number]) => `{labelSelector: ${requirements(t.podAffinityTerm?.labelSelector)?.join(', ') ?? '(none)'}, topologyKey: ${t.podAffinityTerm?.topologyKey ?? '(none)'}}`;
    const good = terms.filter((t) => requirements(t.podAffinityTerm?.labelSelector)?.join(', ') === wanted && t.podAffinityTerm?.topologyKey === HOSTNAME);
    const path = 'spec.template.spec.affinity.podAntiAffinity';
    return [
      // same-deployment
      sameObject(spread, await eventsAbout(list, 'spread')),
      // replicas
      match(spread, { spec: { replicas: 3 } }),
      // preferred: no hard rule left, and a preferred anti-affinity term instead (not podAffinity, not a topology spread constraint)
      observe(spread, `${path}.requiredDuringSchedulingIgnoredDuringExecution`, phrase('absent'), anti.requiredDuringSchedulingIgnoredDuringExecution ?? phrase('absent'), {
        ok: !anti.requiredDuringSchedulingIgnoredDuringExecution?.length,
      }),
      terms.length
        ? // same-term: selector app=spread (any equivalent spelling) and the host name as topology key, on one term
          observe(spread, `${path}.preferredDuringSchedulingIgnoredDuringExecution[].podAffinityTerm`, `{labelSelector: ${wanted}, topologyKey: ${HOSTNAME}}`, terms.map(spelled).join(' | '), {
            ok: good.length > 0,
          })
        : observe(spread, `${path}.preferredDuringSchedulingIgnoredDuringExecution`, phrase('someItemLike', { pattern: `{podAffinityTerm: {labelSelector: ${wanted}, topologyKey: ${HOSTNAME}}}` }), phrase('noItems'), { ok: false }),
      // rollout: complete, nothing Pending
      observe(pods, 'status.phase', phrase('not', { value: 'Pending' }), pending.length ? `Pending: ${pending.join(', ')}` : phrase('not', { value: 'Pending' }), { ok: pending.length === 0, settling: true }),
      rolloutComplete(spread),
    ];
  },
});
