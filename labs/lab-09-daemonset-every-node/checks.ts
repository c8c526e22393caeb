// Checks for lab-09. "Runs on every node" is decided twice: from the spec (the Pod template
// tolerates every node's scheduling taints, matched as the scheduler matches them) and from the
// DaemonSet controller's count (desiredNumberScheduled = the number of nodes). The fix must be to
// the original DaemonSet: its container agent keeps its image, command and read-only /logs mount.
import { defineChecks, match, observe, rolloutComplete, some, type KObject } from '../../checker/index.ts';

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

export default defineChecks({
  'every-node': async ({ get, list }) => {
    const ds = await get('apps/v1', 'DaemonSet', 'log-agent');
    if (!ds) return [];
    const nodes = await list('v1', 'Node');
    const tolerations: Toleration[] = ds.spec?.template?.spec?.tolerations ?? [];
    const missed = nodes.flatMap((n) => blocking(n).filter((taint) => !tolerations.some((t) => tolerates(t, taint))).map((taint) => `${n.metadata.name} (${taintText(taint)})`));
    return [
      match(ds, { spec: { template: { spec: { containers: some({ name: 'agent', image: 'busybox:1.36' }) } } } }),
      observe(ds, 'spec.template.spec.tolerations', "tolerates every node's taints", missed.length ? `does not tolerate ${missed.join(', ')}` : "tolerates every node's taints", { ok: missed.length === 0 }),
      // The DaemonSet controller's own count, a moment after the change.
      match(ds, { status: { desiredNumberScheduled: nodes.length } }),
      rolloutComplete(ds),
    ];
  },

  'pod-logs': async ({ get }) => {
    const ds = await get('apps/v1', 'DaemonSet', 'log-agent');
    if (!ds) return [];
    const spec = ds.spec?.template?.spec ?? {};
    const agent = (spec.containers ?? []).find((c: { name: string }) => c.name === 'agent');
    const mount = (agent?.volumeMounts ?? []).find((m: { mountPath: string }) => m.mountPath === '/logs');
    const volume = mount ? (spec.volumes ?? []).find((v: { name: string }) => v.name === mount.name) : undefined;
    const source = !agent ? 'no container agent' : !mount ? 'nothing is mounted at /logs' : volume?.hostPath ? `hostPath ${volume.hostPath.path}` : volume ? 'a volume that is not a hostPath' : `volume ${mount.name}, which is not defined`;
    const command: string = (agent?.command ?? []).join(' ');
    return [
      observe(ds, 'containers[agent] /logs', 'hostPath /var/log/pods', source, { ok: volume?.hostPath?.path === '/var/log/pods' || volume?.hostPath?.path === '/var/log/pods/' }),
      mount ? observe(ds, 'containers[agent].volumeMounts[/logs].readOnly', true, mount.readOnly ?? false) : undefined,
      // The program did not move: it still reads /logs.
      observe(ds, 'containers[agent].command', 'the original command, reading /logs', /ls \/logs/.test(command) ? 'the original command, reading /logs' : command.slice(0, 60) || 'none'),
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

