// What Wheelhouse does, once: check a lab, bring a lab up, reset it, solve it, and say how the
// cluster is. The commands (cli/), the site's server and the benches call these and only parse
// their input and render what comes back. Each returns a result or throws a typed error:
// LabError (the lab id or its files), ClusterError (grading: the cluster cannot answer) or
// LifecycleError (a lifecycle step; cluster failures arrive already turned into one).
// This is the site's one entry into the checker.
import { loadLab, type LoadedLab } from './lab/load.ts';
import { loadChecks, type Checks } from './checks/define.ts';
import { type ClusterReader } from './cluster/types.ts';
import { type KubeconfigChoice } from './cluster/kubeconfig.ts';
import { CORE, apiPath } from './cluster/transport.ts';
import { grade, type GradeResult } from './engine/grade.ts';
import { LifecycleError, talking } from './core/errors.ts';
import type { ProviderName } from './core/state.ts';
import { ensureCluster, kubectlTarget, openLabTarget, setUpLab, type LabTarget, type UpOptions } from './lifecycle/up.ts';
import { resetLab } from './lifecycle/reset.ts';
import { findSolution, runSolution, type SolutionScript } from './lifecycle/solve.ts';
import { status, type StatusReport } from './lifecycle/status.ts';
import type { System } from './providers/system.ts';

type Lab = string | LoadedLab;
const theLab = (lab: Lab, labsDir?: string) => (typeof lab === 'string' ? loadLab(lab, labsDir) : lab);

export interface GradeOptions {
  /** The kubeconfig to grade (see resolveKubeconfig). */
  kubeconfig: string;
  labsDir?: string;
  /** How long converging status is polled (ms). */
  deadlineMs?: number;
  /** Per-request timeout (ms; default the transport's). */
  requestTimeoutMs?: number;
  /** Replaces the real connection (tests hand in a FakeCluster). */
  connect?: (kubeconfig: string, requestTimeoutMs?: number) => Promise<ClusterReader & { close?: () => void }>;
}

/** A lab ready to be graded again and again (`check --watch`, a bench): its checks loaded, the cluster connected. */
export interface GradingSession {
  lab: LoadedLab;
  grade(): Promise<GradeResult>;
  close(): void;
}

/**
 * Loads the lab and its checks (LabError), then connects as the grader (ClusterError).
 * @kubernetes/client-node is imported only here, so a command that fails earlier stays fast.
 */
export async function openGrading(labOrId: Lab, o: GradeOptions): Promise<GradingSession> {
  const lab = await theLab(labOrId, o.labsDir);
  const checks: Checks = await loadChecks(lab);
  const connect = o.connect ?? (async (path: string, ms?: number) => (await import('./cluster/grading.ts')).connectForGrading(path, ms));
  const reader = await connect(o.kubeconfig, o.requestTimeoutMs);
  return { lab, grade: () => grade(lab, checks, { reader, deadlineMs: o.deadlineMs }), close: () => reader.close?.() };
}

/** Grades a lab once. */
export async function checkLab(lab: Lab, o: GradeOptions): Promise<GradeResult> {
  const session = await openGrading(lab, o);
  try {
    return await session.grade();
  } finally {
    session.close();
  }
}

export interface LabUpOptions extends UpOptions {
  kubeconfig: KubeconfigChoice;
  provider?: ProviderName;
  /** existing only: the context of the kubeconfig to adopt. */
  context?: string;
  labsDir?: string;
}

/** Creates the cluster when there is none and sets the lab up on it. */
export async function labUp(labOrId: Lab, o: LabUpOptions): Promise<{ lab: LoadedLab; kubeconfig: string }> {
  const lab = await theLab(labOrId, o.labsDir);
  return onTarget(() => ensureCluster(o), async (t) => {
    await setUpLab(t, lab, o);
    return { lab, kubeconfig: t.state.kubeconfig };
  });
}

/** Puts the lab back to its starting state. */
export async function labReset(labOrId: Lab, o: UpOptions & { kubeconfig: string; labsDir?: string }): Promise<{ lab: LoadedLab; durationMs: number }> {
  const lab = await theLab(labOrId, o.labsDir);
  return onTarget(() => openLabTarget(o.kubeconfig, o.sys), async (t) => ({ lab, durationMs: (await resetLab(t, lab, o)).durationMs }));
}

export interface SolveOptions {
  kubeconfig: string;
  sys: System;
  labsDir?: string;
  /** A script of solution/ other than solve.sh. */
  with?: string;
  /** Called once the script is found, before it runs. */
  onStart?: (script: SolutionScript) => void;
  /** Each line the script prints. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

/** Runs a solution script against the lab, which must be up. A script that fails is a LifecycleError. */
export async function labSolve(labOrId: Lab, o: SolveOptions): Promise<{ lab: LoadedLab; script: SolutionScript }> {
  const lab = await theLab(labOrId, o.labsDir);
  const script = await findSolution(lab, o.with);
  return onTarget(() => openLabTarget(o.kubeconfig, o.sys), async (t) => {
    const ns = await t.api.get(apiPath(CORE('namespaces'), undefined, lab.namespace));
    if (!ns || ns.metadata.deletionTimestamp) throw new LifecycleError('failed', 'labNotUp', { lab: lab.id, namespace: lab.namespace });
    o.onStart?.(script);
    const r = await runSolution(kubectlTarget(t), lab, script, o.sys, o.onLine);
    if (r.code !== 0) throw new LifecycleError('failed', 'solveFailed', { script: script.name, code: r.code });
    return { lab, script };
  });
}

/** What Wheelhouse knows about the cluster: never throws for a cluster that does not answer. */
export function clusterStatus(kubeconfig: string, sys?: System): Promise<StatusReport> {
  return status(kubeconfig, undefined, sys);
}

// What the site's server uses besides the use cases: finding labs and the kubeconfig, wording and
// rendering results, progress, and the machine. site/server/ imports the checker only from here.
export { listLabs, type LoadedLab } from './lab/load.ts';
export { resolveKubeconfig } from './cluster/kubeconfig.ts';
export { toJson } from './report/json.ts';
export { errorFix } from './report/words.ts';
export { ClusterError, LifecycleError } from './core/errors.ts';
export { printable, say, type Lang } from './core/i18n.ts';
export { localKubeBinDir, repoRoot } from './core/paths.ts';
export { writeFileAtomic } from './core/atomic-file.ts';
export type { ProviderName } from './core/state.ts';
export type { GradeResult } from './engine/grade.ts';
export { eventProgress } from './lifecycle/progress.ts';
export { findOnPath, realSystem, type System } from './providers/system.ts';

/** Opens a cluster for changes, runs one step on it and closes it; cluster errors become lifecycle errors. */
async function onTarget<T>(open: () => Promise<LabTarget>, fn: (t: LabTarget) => Promise<T>): Promise<T> {
  let target: LabTarget | undefined;
  try {
    return await talking(async () => fn((target = await open())));
  } finally {
    target?.api.close();
  }
}
