// The lab prover: every lab in labs/ proven both ways on the real test cluster, through the same
// code `npm run lab` and `npm run check` use, in process (one connection, no process per step).
//
//   up → graded: every task fails or is skipped, none is an error
//   solve.sh → every API task passes; container tasks report needs-real-nodes
//   reset, each alt-*.sh → every API task passes
//   reset, each mistake-*.sh → the task(s) its "# fails:" line names fail (not error), saying what was found
//   reset, up, up → the starting state is the same each time (a lab can be run twice)
//
// Labs that leave the nodes alone run a few at a time (WHEELHOUSE_LAB_CONCURRENCY, default 3: four was measured in CI at 1103 s against 1160 s, with more contention and a reset race in lab-17);
// labs that change nodes run alone. Per-lab times and the wall time are printed at the end
// (CI budget: 15 min for the whole suite, labs included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCluster } from '../support/cluster.ts';
import { listLabs, type LoadedLab } from '../../checker/lab/load.ts';
import { loadChecks } from '../../checker/checks/define.ts';
import type { HttpClusterReader } from '../../checker/cluster/client.ts';
import { connectForGrading } from '../../checker/cluster/grading.ts';
import { isSimulated, type KObject } from '../../checker/cluster/types.ts';
import { grade, type GradeResult } from '../../checker/engine/grade.ts';
import { taskSummary } from '../../checker/report/words.ts';
import { realSystem, type System } from '../../checker/providers/system.ts';
import { silentProgress } from '../../checker/lifecycle/progress.ts';
import { kubectlTarget, openLabTarget, setUpLab, type LabTarget } from '../../checker/lifecycle/up.ts';
import { cleanLab, resetLab } from '../../checker/lifecycle/reset.ts';
import { runSolution, solutionScripts, type SolutionScript } from '../../checker/lifecycle/solve.ts';
import { LAB_LABEL } from '../../checker/lifecycle/setup.ts';
import { changesNodes } from '../support/lab-nodes.ts';
import { CORE, apiPath } from '../../checker/cluster/transport.ts';

// WHEELHOUSE_LABS=lab-03,lab-04 proves only those (for authors on a shared dev cluster); the suite proves all.
const only = process.env.WHEELHOUSE_LABS?.split(',').map((s) => s.trim()).filter(Boolean);
if (only?.length && process.env.CI) throw new Error('WHEELHOUSE_LABS is for authors: CI proves every lab.');
const labs = (await listLabs()).filter((l) => !only?.length || only.includes(l.id));
if (only?.length && labs.length !== only.length) throw new Error(`WHEELHOUSE_LABS names labs that do not exist: ${only.join(', ')}`);
const sys: System = { ...realSystem, env: process.env };
const io = { sys, progress: silentProgress, lang: 'en' as const };
/** Failing checks poll converging status until the deadline: short where failure is expected. */
const EXPECT_FAIL_MS = 2500;
const EXPECT_PASS_MS = 15_000;
const INTERVAL_MS = 250;

let target: LabTarget;
let reader: HttpClusterReader;
/** The test cluster is kwok: container tasks are not graded there. */
let simulated: boolean;
const times = new Map<string, { ms: number; steps: string[] }>();

let startedAt = 0;
beforeAll(async () => {
  startedAt = performance.now();
  target = await openLabTarget(testCluster().kubeconfig, sys);
  // As Check grades: the read-only grader on the record's context (#14).
  reader = await connectForGrading(testCluster().kubeconfig);
  simulated = await isSimulated(reader);
});
afterAll(async () => {
  for (const lab of labs) await cleanLab(target, lab, io).catch(() => {});
  target?.api.close();
  reader?.close();
  const rows = [...times].map(([id, t]) => `  ${id}  ${(t.ms / 1000).toFixed(1).padStart(5)} s   ${t.steps.join(', ')}`);
  const total = [...times.values()].reduce((s, t) => s + t.ms, 0);
  const wall = (performance.now() - startedAt) / 1000;
  console.log(`lab prover, per lab:\n${rows.join('\n')}\n  ${times.size} labs: ${(total / 1000).toFixed(1)} s of lab time in ${wall.toFixed(1)} s`);
});

/** Runs a step and adds its time to the lab's row. */
async function timed<T>(lab: LoadedLab, step: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    const ms = performance.now() - t0;
    const row = times.get(lab.id) ?? { ms: 0, steps: [] };
    row.ms += ms;
    row.steps.push(`${step} ${(ms / 1000).toFixed(1)}`);
    times.set(lab.id, row);
  }
}

const runtimeOf = (lab: LoadedLab, id: string) => lab.tasks.find((t) => t.id === id)!.runtime;
const outcomes = (r: GradeResult) => Object.fromEntries(r.tasks.map((t) => [t.id, t.reason ? `${t.outcome}:${t.reason}` : t.outcome]));
const why = (r: GradeResult) => r.tasks.map((t) => `${t.id}: ${t.outcome} — ${taskSummary(t, 'en')}`).join('\n');

async function run(lab: LoadedLab, script: SolutionScript): Promise<void> {
  const r = await runSolution(kubectlTarget(target), lab, script, sys);
  expect(r.code, `${lab.id} solution/${script.name}.sh failed:\n${r.stdout}\n${r.stderr}`).toBe(0);
}

/** Every API task passes; every container task is reported as needing real nodes. */
function expectSolved(lab: LoadedLab, r: GradeResult, script: string): void {
  const want = Object.fromEntries(lab.tasks.map((t) => [t.id, t.runtime === 'containers' && simulated ? 'skipped:needs-real-nodes' : 'pass']));
  expect(outcomes(r), `${lab.id} after ${script}:\n${why(r)}`).toEqual(want);
}

/** The tasks a mistake names fail (with what was found); every other task passes or is skipped for a failed dependency. */
function expectMistake(lab: LoadedLab, r: GradeResult, name: string, fails: string[], alone: boolean): void {
  const named = new Set(fails);
  // A chain of skips leads back to a named task: blockers that failed or were skipped themselves.
  const failed = new Set(r.tasks.filter((t) => t.outcome === 'fail' || t.outcome === 'skipped').map((t) => t.id));
  for (const id of fails) {
    const t = r.tasks.find((x) => x.id === id)!;
    if (runtimeOf(lab, id) === 'containers' && simulated) {
      expect(t.outcome, `${lab.id} ${name}.sh: ${id} needs real nodes`).toBe('skipped');
      continue;
    }
    expect(t.outcome, `${lab.id} ${name}.sh must fail ${id}:\n${why(r)}`).toBe('fail');
    expect(t.observations.filter((o) => !o.ok).length, `${lab.id} ${id} after ${name}.sh reports the observation that failed`).toBeGreaterThan(0);
    expect(taskSummary(t, 'en'), `${lab.id} ${id} after ${name}.sh says what it found`).toMatch(/found/);
  }
  for (const t of r.tasks.filter((x) => alone && !named.has(x.id))) {
    const fine =
      t.outcome === 'pass' ||
      (t.outcome === 'skipped' && t.reason === 'needs-real-nodes') ||
      (t.outcome === 'skipped' && t.reason === 'dependency' && (t.blockedBy ?? []).every((b) => failed.has(b) || named.has(b)));
    expect(fine, `${lab.id} ${name}.sh breaks only ${fails.join(', ')}, but ${t.id} is ${t.outcome}${t.reason ? ` (${t.reason})` : ''}:\n${why(r)}`).toBe(true);
  }
  expect(r.tasks.filter((t) => t.outcome === 'error').map((t) => `${t.id}: ${t.error?.message}`), `${lab.id} ${name}.sh: no task is an error`).toEqual([]);
}

/** What `up` creates, without what controllers make up (Pods, events, generated names) or volatile metadata. */
async function startingState(lab: LoadedLab): Promise<string[]> {
  const types = (await target.api.resources()).filter((t) => t.verbs.includes('list'));
  const generated = new Set(['pods', 'events', 'endpoints', 'endpointslices', 'replicasets', 'controllerrevisions', 'leases']);
  const lists = await Promise.all(
    types.map(async (t) => {
      const items = t.namespaced
        ? generated.has(t.resource)
          ? []
          : await target.api.list(apiPath(t, lab.namespace))
        : await target.api.list(apiPath(t), { labelSelector: `${LAB_LABEL}=${lab.id}` });
      // Objects the controller-manager makes in every namespace, on its own schedule.
      const own = items.filter((o) => !(t.resource === 'configmaps' && o.metadata.name === 'kube-root-ca.crt') && !(t.resource === 'serviceaccounts' && o.metadata.name === 'default'));
      return own.map((o) => `${t.group}/${t.resource}/${o.metadata.name} ${JSON.stringify(comparable({ ...o, kind: t.kind }))}`);
    }),
  );
  const nodes = (await target.api.list(apiPath(CORE('nodes')))).map((n) => `node/${n.metadata.name} ${JSON.stringify({ labels: n.metadata.labels, taints: n.spec?.taints, unschedulable: n.spec?.unschedulable })}`);
  return [...lists.flat(), ...nodes].sort();
}

const CONTROLLER_ANNOTATIONS = /^(wheelhouse\.dev\/run-started$|deployment\.kubernetes\.io\/|deprecated\.daemonset\.template\.generation$|pv\.kubernetes\.io\/|volume\.(beta\.)?kubernetes\.io\/|endpoints\.kubernetes\.io\/)/;

/** The parts of an object its manifest decides: no status, no ids, no addresses the cluster picks. */
function comparable(o: KObject): unknown {
  const { status: _s, metadata, ...body } = structuredClone(o);
  if (o.kind === 'Service' && body.spec) {
    delete body.spec.clusterIP;
    delete body.spec.clusterIPs;
    delete body.spec.healthCheckNodePort;
    for (const p of body.spec.ports ?? []) delete p.nodePort;
  }
  if (o.kind === 'PersistentVolumeClaim' && body.spec) delete body.spec.volumeName;
  // Annotations controllers write on their own schedule (a Deployment's revision, a claim's binding).
  const annotations = Object.fromEntries(Object.entries(metadata.annotations ?? {}).filter(([k]) => !CONTROLLER_ANNOTATIONS.test(k)));
  return { labels: metadata.labels, annotations: Object.keys(annotations).length ? annotations : undefined, ...body };
}

/** Every scenario of one lab, in order; the first that fails ends the lab's test with its message. */
async function prove(lab: LoadedLab): Promise<void> {
  const [checks, scripts] = await Promise.all([loadChecks(lab), solutionScripts(lab)]);
  const graded = (deadlineMs: number) => grade(lab, checks, { reader, deadlineMs, intervalMs: INTERVAL_MS, simulated });

  // 1. The starting state fails every task (or skips it), and nothing is an error.
  await timed(lab, 'reset', () => resetLab(target, lab, io));
  const start = await timed(lab, 'grade', () => graded(EXPECT_FAIL_MS));
  for (const t of start.tasks) {
    const allowed = runtimeOf(lab, t.id) === 'containers' ? ['skipped'] : ['fail', 'skipped'];
    expect(allowed, `${lab.id} ${t.id} at the start: ${t.outcome} — ${taskSummary(t, 'en')}`).toContain(t.outcome);
  }
  expect(start.tasks.some((t) => t.outcome === 'fail'), `${lab.id}: some task fails at the start`).toBe(true);

  // 2. The reference solution passes every API task.
  const solve = scripts.find((s) => s.kind === 'reference');
  expect(solve, `${lab.id} has solution/solve.sh`).toBeDefined();
  await timed(lab, 'solve', () => run(lab, solve!));
  expectSolved(lab, await timed(lab, 'grade', () => graded(EXPECT_PASS_MS)), 'solve.sh');

  // 3. So does every alternative, each from a fresh start.
  const alts = scripts.filter((s) => s.kind === 'alternative');
  expect(alts.length, `${lab.id} has at least one solution/alt-*.sh`).toBeGreaterThan(0);
  for (const alt of alts) {
    await timed(lab, 'reset', () => resetLab(target, lab, io));
    await timed(lab, alt.name, () => run(lab, alt));
    expectSolved(lab, await timed(lab, 'grade', () => graded(EXPECT_PASS_MS)), `${alt.name}.sh`);
  }

  // 4. Every near miss fails exactly the task it names — a fail, not an error — and says what was
  // found; every other task passes, or is skipped because a task it depends on failed (blame in
  // the right place). A near miss of a real-node task is proven where nodes are real (kind tier).
  const mistakes = scripts.filter((s) => s.kind === 'mistake');
  expect(mistakes.length, `${lab.id} has at least one solution/mistake-*.sh`).toBeGreaterThan(0);
  for (const m of mistakes) {
    expect(m.fails.length, `${lab.id} ${m.name}.sh names the task it fails ("# fails: <task-id>/<clause>")`).toBeGreaterThan(0);
    await timed(lab, 'reset', () => resetLab(target, lab, io));
    await timed(lab, m.name, () => run(lab, m));
    const r = await timed(lab, 'grade', () => graded(EXPECT_FAIL_MS));
    // A mistake that names its clause (`# fails: TASK/CLAUSE`) must break that task alone; one in the
    // older form (`# fails: TASK`) must fail its task.
    expectMistake(lab, r, m.name, m.fails, m.clauses.length > 0);
  }

  // 5. A lab can be run twice: reset, and up again, give the same starting state.
  await timed(lab, 'reset', () => resetLab(target, lab, io));
  const first = await startingState(lab);
  expect(first.some((s) => s.startsWith(`/namespaces/${lab.namespace} `)), `${lab.id}: its namespace is part of the state`).toBe(true);
  await timed(lab, 'up', () => setUpLab(target, lab, io));
  expect(await startingState(lab), `${lab.id}: up on a lab that is up changes nothing`).toEqual(first);
  await timed(lab, 'reset', () => resetLab(target, lab, io));
  expect(await startingState(lab), `${lab.id}: reset gives the starting state again`).toEqual(first);
}

/** At most `n` at a time: two CPU cores serve the API server, kubectl and the scripts. */
function limiter(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  return async (fn) => {
    if (running >= n) await new Promise<void>((r) => queue.push(r));
    running++;
    try {
      return await fn();
    } finally {
      running--;
      queue.shift()?.();
    }
  };
}

const alone = new Set<string>();
for (const lab of labs) if (await changesNodes(lab, await solutionScripts(lab))) alone.add(lab.id);
const shared = labs.filter((l) => !alone.has(l.id));
const slot = limiter(Number(process.env.WHEELHOUSE_LAB_CONCURRENCY ?? 3));
// Waiting for a slot counts against a test's timeout: give each lab the time of all of them.
const LAB_TIMEOUT_MS = 120_000 * Math.max(1, labs.length);
const SCENARIOS = 'starts failing, solve.sh and every alt-*.sh pass, every mistake-*.sh fails its task, runs twice';

// Labs in their own namespaces that leave the nodes alone run side by side.
if (shared.length) {
  describe.concurrent('labs that leave the nodes alone', () => {
    it.each(shared.map((l) => [l.id, l] as const))(`%s: ${SCENARIOS}`, (_id, lab) => slot(() => prove(lab)), LAB_TIMEOUT_MS);
  });
}

// Labs that change nodes run one at a time, after the others: a reset puts every node back.
if (alone.size) {
  describe('labs that change nodes', () => {
    // The other labs are gone first: a drain empties a whole node, and Pods of another lab that
    // no controller owns would stop it.
    beforeAll(() => Promise.all(shared.map((lab) => slot(() => cleanLab(target, lab, io)))), LAB_TIMEOUT_MS);
    // Each leaves the cluster as a learner's next lab finds it: its own objects gone (a DaemonSet left
    // by one would stand in the way of the next one's drain).
    it.each(labs.filter((l) => alone.has(l.id)).map((l) => [l.id, l] as const))(
      `%s: ${SCENARIOS}`,
      async (_id, lab) => {
        try {
          await prove(lab);
        } finally {
          // Also when the proof failed: the next lab's drain must not meet this lab's Pods.
          await timed(lab, 'clean', () => cleanLab(target, lab, io));
        }
      },
      LAB_TIMEOUT_MS,
    );
  });
}
