// Checks for lab-09 (clauses in lab.yaml). "Runs on every node" is decided twice: from the spec
// (the Pod template tolerates every node's scheduling taints, matched as the scheduler matches
// them) and from the DaemonSet controller's count. The fix must be in the original DaemonSet (its
// events still name its uid), with the nodes' taints left alone and the container agent as it was;
// its volume mount is task pod-logs' business.
import { defineChecks, match, observe, phrase, rolloutComplete, sameImage, sameObject, sameQuantity, type KObject } from '../../checker/index.ts';

interface Taint {
  key: string;
  value?: string;
  effect: string;
}
interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
}

/** The scheduler's rule (k8s.io/api/core/v1 Toleration.ToleratesTaint). */
function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  // An empty key with Exists tolerates every taint; Equal is the default operator.
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** The taints of a node that keep a Pod away: NoSchedule and NoExecute. */
const blocking = (node: KObject): Taint[] => (node.spec?.taints ?? []).filter((t: Taint) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
const taintText = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;

/** The control plane's taint, as kubeadm (and kind, and the simulated cluster) set it. */
const CONTROL_PLANE = 'wheelhouse-control-plane';
const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane:NoSchedule';

/** The container agent of the starting state (setup/10-log-agent.yaml), its mount left out. */
const AGENT = {
  image: 'busybox:1.36',
  command: ['sh', '-c', 'while true; do echo "$(ls /logs | wc -l) Pod log folders on $NODE_NAME"; sleep 30; done'],
  env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
  resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '50m', memory: '32Mi' } },
};

const sameResources = (found: any, want: typeof AGENT.resources) =>
  (['requests', 'limits'] as const).every((kind) => {
    const f = found?.[kind] ?? {};
    const w: Record<string, string> = want[kind];
    return Object.keys(f).length === Object.keys(w).length && Object.entries(w).every(([r, q]) => sameQuantity(f[r], q));
  });
const sameEnv = (found: any[] | undefined) =>
  (found ?? []).length === 1 && found![0].name === 'NODE_NAME' && found![0].valueFrom?.fieldRef?.fieldPath === 'spec.nodeName' && found![0].value === undefined;

const normPath = (p: unknown) => (typeof p === 'string' ? p.replace(/\/+$/, '') || '/' : p);
const agentOf = (ds: KObject) => (ds.spec?.template?.spec?.containers ?? []).find((c: { name: string }) => c.name === 'agent');

export default defineChecks({
  'every-node': async ({ get, list }) => {
    const ds = await get('apps/v1', 'DaemonSet', 'log-agent');
    if (!ds) return [];
    const [nodes, events] = await Promise.all([list('v1', 'Node'), list('v1', 'Event', { fieldSelector: 'involvedObject.kind=DaemonSet,involvedObject.name=log-agent' })]);
    const tolerations: Toleration[] = ds.spec?.template?.spec?.tolerations ?? [];
    const missed = nodes.flatMap((n) => blocking(n).filter((taint) => !tolerations.some((t) => tolerates(t, taint))).map((taint) => `${n.metadata.name} (${taintText(taint)})`));
    const cp = nodes.find((n) => n.metadata.name === CONTROL_PLANE);
    const cpTaints = cp ? (cp.spec?.taints ?? []).map(taintText) : [];
    const agent = agentOf(ds);
    return [
      // on-every-node: the template tolerates every node, and the controller schedules one Pod on each.
      observe(ds, 'spec.template.spec.tolerations', "tolerates every node's taints", missed.length ? `does not tolerate ${missed.join(', ')}` : "tolerates every node's taints", { ok: missed.length === 0 }),
      match(ds, { status: { desiredNumberScheduled: nodes.length, currentNumberScheduled: nodes.length } }),
      // in-place: the DaemonSet the lab started with.
      sameObject(ds, events),
      // nodes-untouched: the fix is a toleration, not the control plane's taint taken away.
      ...(cp ? [observe(cp, 'spec.taints (left as they were)', [CONTROL_PLANE_TAINT], cpTaints, { ok: cpTaints.includes(CONTROL_PLANE_TAINT) })] : []),
      // container-kept: image, command, env and resources of agent as they were.
      observe(ds, 'spec.template.spec.containers[agent].image', AGENT.image, agent?.image ?? phrase('nothing'), { ok: sameImage(agent?.image, AGENT.image) }),
      observe(ds, 'spec.template.spec.containers[agent].command (unchanged)', AGENT.command, [...(agent?.command ?? []), ...(agent?.args ?? [])]),
      observe(ds, 'spec.template.spec.containers[agent].env (unchanged)', AGENT.env, agent?.env ?? phrase('nothing'), { ok: sameEnv(agent?.env) }),
      observe(ds, 'spec.template.spec.containers[agent].resources (unchanged)', AGENT.resources, agent?.resources ?? phrase('nothing'), { ok: sameResources(agent?.resources, AGENT.resources) }),
    ];
  },

  'pod-logs': async ({ get }) => {
    const ds = await get('apps/v1', 'DaemonSet', 'log-agent');
    if (!ds) return [];
    const spec = ds.spec?.template?.spec ?? {};
    const agent = agentOf(ds);
    const mount = (agent?.volumeMounts ?? []).find((m: { mountPath: string }) => normPath(m.mountPath) === '/logs');
    const volume = mount ? (spec.volumes ?? []).find((v: { name: string }) => v.name === mount.name) : undefined;
    const type = volume?.hostPath?.type;
    const source = !agent ? 'no container agent' : !mount ? 'nothing' : volume?.hostPath ? `hostPath ${volume.hostPath.path}${type ? ` (${type})` : ''}` : volume ? 'a volume that is not a hostPath' : `volume ${mount.name}, which is not defined`;
    const mounts = (agent?.volumeMounts ?? []).map((m: { mountPath: string }) => m.mountPath);
    return [
      // mount-path: the agent still finds its logs at /logs (its command reads /logs: every-node keeps it).
      observe(ds, 'spec.template.spec.containers[agent].volumeMounts[*].mountPath', '/logs', mounts.length ? mounts : phrase('nothing'), { ok: !!mount && !mount.subPath }),
      ...(mount
        ? [
            observe(ds, 'volume mounted at /logs', 'hostPath /var/log/pods', source, {
              ok: normPath(volume?.hostPath?.path) === '/var/log/pods' && [undefined, '', 'Directory', 'DirectoryOrCreate'].includes(type),
            }),
            observe(ds, 'spec.template.spec.containers[agent].volumeMounts[/logs].readOnly', true, mount.readOnly ?? false),
          ]
        : []),
    ];
  },

  // Needs real containers: on the simulated cluster a missing hostPath does not stop a Pod.
  'agents-ready': async ({ get, list }) => {
    const ds = await get('apps/v1', 'DaemonSet', 'log-agent');
    if (!ds) return [];
    const nodes = await list('v1', 'Node');
    return [match(ds, { status: { numberReady: nodes.length, updatedNumberScheduled: nodes.length } }), rolloutComplete(ds)];
  },
});
