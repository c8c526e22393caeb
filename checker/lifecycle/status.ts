// `lab status`: which cluster Wheelhouse uses, whether it answers, its nodes, whether it is
// Wheelhouse's own, and which labs are set up on it. Read-only.
import { existsSync } from 'node:fs';
import { SIMULATED_NODE_ANNOTATION } from '../cluster/types.ts';
import { connectApi, type KubeApi } from './kube-api.ts';
import { ownership, readMarker, type Ownership } from './marker.ts';
import { LAB_LABEL } from './setup.ts';
import { readState, type ClusterState } from '../core/state.ts';
import { ClusterError, LifecycleError } from '../core/errors.ts';
import { kindNodeContainers } from '../providers/kind.ts';
import { realSystem, type System } from '../providers/system.ts';
import { CORE, apiPath } from '../cluster/transport.ts';

export interface NodeSummary {
  name: string;
  ready: boolean;
  roles: string[];
  taints: string[];
  unschedulable: boolean;
}

export interface StatusReport {
  kubeconfig: string;
  /** Wheelhouse's record (cluster.json), when it has one. */
  record?: ClusterState;
  reachable: boolean;
  server?: string;
  serverVersion?: string;
  simulated?: boolean;
  ownership?: Ownership;
  nodes?: NodeSummary[];
  /** Lab ids with a namespace on the cluster. */
  labs?: string[];
  /** The lab whose node changes are applied. */
  currentLab?: string;
  /** Why Wheelhouse's record (cluster.json) could not be read, when it is there but damaged. */
  recordProblem?: { record: string; detail: string };
  /** Why the cluster could not be read. */
  error?: { code: string; message: string };
  /** kind, when the cluster does not answer: its node containers and whether each runs. */
  nodeContainers?: { name: string; running: boolean }[];
}

export async function status(
  kubeconfig: string,
  connect: (k: string, context?: string) => Promise<KubeApi> = (k, c) => connectApi({ kubeconfig: k, context: c }),
  sys: System = realSystem,
): Promise<StatusReport> {
  let record: ClusterState | undefined;
  let recordProblem: StatusReport['recordProblem'];
  try {
    record = await readState(kubeconfig);
  } catch (err) {
    // A damaged record is what status is for: say so, and still look at the cluster.
    if (!(err instanceof LifecycleError && err.key === 'stateUnreadable')) throw err;
    recordProblem = err.params as unknown as StatusReport['recordProblem'];
  }
  const report: StatusReport = { kubeconfig, record, reachable: false, ...(recordProblem ? { recordProblem } : {}) };
  if (!existsSync(kubeconfig)) return report;
  let api: KubeApi | undefined;
  try {
    api = await connect(kubeconfig, record?.context);
    report.server = api.server;
    const [version, nodes, namespaces, marker] = await Promise.all([
      api.version(),
      api.list(apiPath(CORE('nodes'))),
      api.list(apiPath(CORE('namespaces')), { labelSelector: LAB_LABEL }),
      readMarker(api),
    ]);
    report.reachable = true;
    report.serverVersion = version;
    report.ownership = ownership(record, marker);
    report.currentLab = marker?.currentLab;
    report.simulated = nodes.some((n) => n.metadata.annotations?.[SIMULATED_NODE_ANNOTATION] === 'fake');
    report.nodes = nodes.map((n) => ({
      name: n.metadata.name,
      ready: (n.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True'),
      roles: Object.keys(n.metadata.labels ?? {})
        .filter((l) => l.startsWith('node-role.kubernetes.io/'))
        .map((l) => l.slice('node-role.kubernetes.io/'.length)),
      taints: ((n.spec?.taints ?? []) as { key: string; value?: string; effect: string }[]).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
      unschedulable: n.spec?.unschedulable === true,
    }));
    report.labs = [...new Set(namespaces.map((n) => n.metadata.labels?.[LAB_LABEL]).filter((l): l is string => !!l))].sort();
  } catch (err) {
    if (!(err instanceof ClusterError)) throw err;
    report.error = { code: err.code, message: err.message };
    if (record?.provider === 'kind') report.nodeContainers = await kindNodeContainers(record.name, sys);
  } finally {
    api?.close();
  }
  return report;
}
