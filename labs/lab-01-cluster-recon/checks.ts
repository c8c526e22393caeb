// Checks for lab-01: every answer is compared with what the live cluster reports through its API,
// so the lab works on any cluster (kind, kwok or another) without hard-coded names or versions.
// Only facts the API server itself gives are asked for; what only a node could tell (kube-proxy's
// mode, say) is left out, because a simulated node has nothing true to say about it.
import { defineChecks, match, oneOf, type KObject } from '../../checker/index.ts';

const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';
const isControlPlane = (n: KObject) => n.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined;
/** The one right answer, or any of several (a cluster may have more than one control-plane node). */
const anyOf = (values: string[]) => (values.length === 1 ? values[0] : oneOf(...values));
const unique = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
/**
 * The learner's ConfigMap with every value trimmed: `kubectl get nodes --no-headers | wc -l > nodeCount`
 * and `--from-file` store "3\n", the same answer as "3". Nothing else is loosened.
 */
const answers = (cm: KObject | undefined): KObject | undefined =>
  cm && { ...cm, data: Object.fromEntries(Object.entries((cm.data ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])) };

export default defineChecks({
  nodes: async ({ get, list }) => {
    const [facts, nodes] = await Promise.all([get('v1', 'ConfigMap', 'cluster-facts').then(answers), list('v1', 'Node')]);
    const controlPlanes = nodes.filter(isControlPlane).map((n) => n.metadata.name);
    return match(facts, { data: { nodeCount: String(nodes.length), controlPlaneNode: anyOf(controlPlanes) } });
  },

  // Any worker's answer is right (during an upgrade they may differ). A cluster whose nodes report
  // no runtime at all is graded on the kubelet version alone.
  runtime: async ({ get, list }) => {
    const [facts, nodes] = await Promise.all([get('v1', 'ConfigMap', 'cluster-facts').then(answers), list('v1', 'Node')]);
    const workers = nodes.filter((n) => !isControlPlane(n));
    const infos = (workers.length ? workers : nodes).map((n) => n.status?.nodeInfo ?? {});
    const kubelets = unique(infos.map((i) => i.kubeletVersion));
    const runtimes = unique(infos.map((i) => i.containerRuntimeVersion));
    return match(facts, { data: { kubeletVersion: anyOf(kubelets), ...(runtimes.length ? { containerRuntime: anyOf(runtimes) } : {}) } });
  },

  taint: async ({ get, list }) => {
    const [facts, nodes] = await Promise.all([get('v1', 'ConfigMap', 'cluster-facts').then(answers), list('v1', 'Node')]);
    const keys = nodes.filter(isControlPlane).flatMap((n) => (n.spec?.taints ?? []).filter((t: { effect: string }) => t.effect === 'NoSchedule').map((t: { key: string }) => t.key));
    return match(facts, { data: { controlPlaneTaint: anyOf(unique(keys)) } });
  },

  'api-service': async ({ get }) => {
    const [facts, kubernetes] = await Promise.all([get('v1', 'ConfigMap', 'cluster-facts').then(answers), get('v1', 'Service', 'kubernetes', { namespace: 'default' })]);
    if (!kubernetes) return [];
    return match(facts, { data: { apiServiceIP: anyOf(unique([kubernetes.spec?.clusterIP, ...(kubernetes.spec?.clusterIPs ?? [])])) } });
  },
});
