// Checks for lab-01: every answer is compared with what the live cluster reports, so the lab works
// on any cluster (kind, kwok or another) without hard-coded names or versions.
import { defineChecks, match, oneOf, type KObject } from '../../checker/index.ts';

const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';
const isControlPlane = (n: KObject) => n.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined;

export default defineChecks({
  nodes: async ({ get, list }) => {
    const [facts, nodes] = await Promise.all([get('v1', 'ConfigMap', 'cluster-facts'), list('v1', 'Node')]);
    const controlPlanes = nodes.filter(isControlPlane).map((n) => n.metadata.name);
    return match(facts, { data: { nodeCount: String(nodes.length), controlPlaneNode: oneOf(...controlPlanes) } });
  },

  runtime: async ({ get, list }) => {
    const [facts, nodes] = await Promise.all([get('v1', 'ConfigMap', 'cluster-facts'), list('v1', 'Node')]);
    const workers = nodes.filter((n) => !isControlPlane(n));
    const info = (workers[0] ?? nodes[0])?.status?.nodeInfo ?? {};
    return match(facts, { data: { kubeletVersion: info.kubeletVersion, containerRuntime: info.containerRuntimeVersion } });
  },

  taint: async ({ get, list }) => {
    const [facts, nodes] = await Promise.all([get('v1', 'ConfigMap', 'cluster-facts'), list('v1', 'Node')]);
    const keys = nodes.filter(isControlPlane).flatMap((n) => (n.spec?.taints ?? []).filter((t: { effect: string }) => t.effect === 'NoSchedule').map((t: { key: string }) => t.key));
    return match(facts, { data: { controlPlaneTaint: oneOf(...new Set(keys)) } });
  },
});
