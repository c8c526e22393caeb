// The kind tier: every lab with real-node tasks (`runtime: containers`) proven on a real kind
// cluster that the product's own kind provider made (test/run.ts starts it with `lab up --provider
// kind` and loads the images with `lab prefetch`). For each lab, one after another in its lane,
// the way a learner moves through the course (two lanes side by side; labs that change nodes alone):
//
//   up → solve.sh → every task passes, the real-node ones included
//   reset, each mistake-*.sh that names a real-node task → that task fails, the others do not
//   reset → the next lab (the lab switch time is printed)
//
// API-only behaviour is proven on the simulated cluster (test/cluster/labs.test.ts); here only
// what needs real containers is repeated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLabs, type LoadedLab } from '../../checker/lab/load.ts';
import { loadChecks } from '../../checker/checks/define.ts';
import { connect, type HttpClusterReader } from '../../checker/cluster/client.ts';
import { isSimulated } from '../../checker/cluster/types.ts';
import { grade, type GradeResult } from '../../checker/engine/grade.ts';
import { taskSummary } from '../../checker/report/words.ts';
import { realSystem, type System } from '../../checker/providers/system.ts';
import { silentProgress } from '../../checker/lifecycle/progress.ts';
import { kubectlTarget, openLabTarget, setUpLab, type LabTarget } from '../../checker/lifecycle/up.ts';
import { cleanLab, resetLab } from '../../checker/lifecycle/reset.ts';
import { runSolution, solutionScripts, type SolutionScript } from '../../checker/lifecycle/solve.ts';
import { kindLabs } from './which-labs.ts';
import { changesNodes } from '../support/lab-nodes.ts';

const kubeconfig = process.env.WHEELHOUSE_KIND_KUBECONFIG;
if (!kubeconfig) throw new Error('No kind cluster: the kind tier runs through `npm test` (test/run.ts starts the cluster).');

const sys: System = { ...realSystem, env: process.env };
const io = { sys, progress: silentProgress, lang: 'en' as const };
/** Real Pods pull (from the node), start and pass probes: give a solution time to converge. */
const PASS_MS = 150_000;
/**
 * A near miss must still fail after the time a correct answer needs to pass: a real-node task
 * that fails only because its Pods have not started yet proves nothing.
 */
const MISTAKE_MS = 45_000;
const INTERVAL_MS = 1000;

// WHEELHOUSE_LABS=lab-10,lab-11 proves only those, listed as failing or unproven or not (for authors
// with a kind cluster of their own: WHEELHOUSE_KIND_KUBECONFIG); the tier proves every lab it can.
const only = process.env.WHEELHOUSE_LABS?.split(',').map((s) => s.trim()).filter(Boolean);
if (only?.length && process.env.CI) throw new Error('WHEELHOUSE_LABS is for authors: CI proves every lab.');
const all = await listLabs();
const proven = only?.length ? all.filter((l) => only.includes(l.id)) : (await kindLabs(all)).proven;
if (only?.length && proven.length !== only.length) throw new Error(`WHEELHOUSE_LABS names labs that do not exist: ${only.join(', ')}`);
let target: LabTarget;
let reader: HttpClusterReader;
const switches: { from: string; to: string; ms: number }[] = [];
const times: string[] = [];

beforeAll(async () => {
  target = await openLabTarget(kubeconfig, sys);
  reader = await connect({ kubeconfig });
  expect(await isSimulated(reader), 'the kind tier runs on real nodes').toBe(false);
});
afterAll(() => {
  target?.api.close();
  reader?.close();
  const sw = switches.map((s) => `  ${s.from} → ${s.to}: ${(s.ms / 1000).toFixed(1)} s`);
  console.log(`kind tier, per lab:\n${times.join('\n')}\nlab switch (reset + up of the next lab), from the same process:\n${sw.join('\n')}`);
});

const outcomes = (r: GradeResult) => Object.fromEntries(r.tasks.map((t) => [t.id, t.reason ? `${t.outcome}:${t.reason}` : t.outcome]));
const why = (r: GradeResult) => r.tasks.map((t) => `${t.id}: ${t.outcome} — ${taskSummary(t, 'en')}`).join('\n');

async function run(lab: LoadedLab, script: SolutionScript): Promise<void> {
  const r = await runSolution(kubectlTarget(target), lab, script, sys);
  expect(r.code, `${lab.id} solution/${script.name}.sh failed:\n${r.stdout}\n${r.stderr}`).toBe(0);
}

/**
 * Labs that leave the nodes alone run in two lanes side by side (their near misses mostly wait on
 * containers, which costs little); each lane moves from lab to lab as a learner does, taking the
 * next lab when it is free. Those with the most real-node near misses go first (each waits out
 * MISTAKE_MS), so that the lanes end together. Labs that change nodes run alone afterwards.
 */
const LANES = 2;
const previousIn = new Map<number, LoadedLab>();
const alone = new Set<string>();
/** The near misses the tier proves: each of a real-node task, and each that says where its blame falls on real nodes. */
function realNodeNearMisses(lab: LoadedLab, scripts: SolutionScript[]): SolutionScript[] {
  const real = new Set(lab.tasks.filter((t) => t.runtime === 'containers').map((t) => t.id));
  return scripts.filter((s) => s.kind === 'mistake' && (s.onRealNodes || s.fails.some((id) => real.has(id))));
}
const nearMisses = new Map<string, number>();
for (const lab of proven) {
  const scripts = await solutionScripts(lab);
  if (await changesNodes(lab, scripts)) alone.add(lab.id);
  nearMisses.set(lab.id, realNodeNearMisses(lab, scripts).length);
}
const shared = proven.filter((l) => !alone.has(l.id)).sort((a, b) => nearMisses.get(b.id)! - nearMisses.get(a.id)! || a.id.localeCompare(b.id));
const freeLanes = Array.from({ length: LANES }, (_, i) => i);
const waitingForLane: ((lane: number) => void)[] = [];
const takeLane = () => new Promise<number>((resolve) => (freeLanes.length ? resolve(freeLanes.shift()!) : waitingForLane.push(resolve)));
const giveLane = (lane: number) => (waitingForLane.length ? waitingForLane.shift()!(lane) : freeLanes.push(lane));
const PER_LAB_MS = 20 * 60_000;

async function prove(lab: LoadedLab, lane: number): Promise<void> {
    const t0 = performance.now();
    const checks = await loadChecks(lab);
    const scripts = await solutionScripts(lab);
    const graded = (deadlineMs: number) => grade(lab, checks, { reader, deadlineMs, intervalMs: INTERVAL_MS, simulated: false });
    const containerTasks = new Set(lab.tasks.filter((t) => t.runtime === 'containers').map((t) => t.id));

    // The lab switch: the lane's previous lab is cleaned away, this one set up, as `lab up` does.
    const previous = previousIn.get(lane);
    const s0 = performance.now();
    if (previous) await cleanLab(target, previous, io);
    // An author's cluster may hold this lab from an earlier run (WHEELHOUSE_LABS): it starts clean.
    if (only?.length) await cleanLab(target, lab, io);
    await setUpLab(target, lab, { ...io, wait: true });
    if (previous) switches.push({ from: previous.id, to: lab.id, ms: performance.now() - s0 });
    previousIn.set(lane, lab);

    // The starting state: no real-node task passes before the learner has done anything.
    const start = await graded(2000);
    for (const id of containerTasks) expect(start.tasks.find((t) => t.id === id)!.outcome, `${lab.id} ${id} at the start:\n${why(start)}`).not.toBe('pass');

    await run(lab, scripts.find((s) => s.kind === 'reference')!);
    const solved = await graded(PASS_MS);
    expect(outcomes(solved), `${lab.id} after solve.sh, on real nodes:\n${why(solved)}`).toEqual(Object.fromEntries(lab.tasks.map((t) => [t.id, 'pass'])));

    const mistakes = realNodeNearMisses(lab, scripts);
    for (const m of mistakes) {
      const fails = m.onRealNodes?.fails ?? m.fails;
      const clauses = m.onRealNodes?.clauses ?? m.clauses;
      await resetLab(target, lab, { ...io, wait: true });
      await run(lab, m);
      const r = await graded(MISTAKE_MS);
      for (const id of fails) {
        const t = r.tasks.find((x) => x.id === id)!;
        expect(t.outcome, `${lab.id} ${m.name}.sh must fail ${id} on real nodes:\n${why(r)}`).toBe('fail');
        expect(taskSummary(t, 'en'), `${lab.id} ${id} after ${m.name}.sh says what it found`).toMatch(/found/);
      }
      // A near miss that names its clause breaks that task alone (the older `# fails: TASK` form: its task fails).
      const failed = new Set(r.tasks.filter((t) => t.outcome !== 'pass').map((t) => t.id));
      for (const t of r.tasks.filter((x) => clauses.length > 0 && !fails.includes(x.id))) {
        const fine = t.outcome === 'pass' || (t.outcome === 'skipped' && t.reason === 'dependency' && (t.blockedBy ?? []).every((b) => failed.has(b)));
        expect(fine, `${lab.id} ${m.name}.sh breaks only ${fails.join(', ')}, but ${t.id} is ${t.outcome}:\n${why(r)}`).toBe(true);
      }
    }
    times.push(`  ${lab.id}  ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  (${mistakes.length} real-node near misses)`);
}

if (shared.length) {
  describe.concurrent('labs that leave the nodes alone', () => {
    it.each(shared.map((l) => [l.id, l] as const))(
      '%s on real nodes: starts, is solved with every real-node task passing, and fails each real-node near miss',
      async (_id, lab) => {
        // A free lane, in declaration order (the tests start in that order and ask before any other await).
        const lane = await takeLane();
        try {
          await prove(lab, lane);
        } finally {
          giveLane(lane);
        }
      },
      PER_LAB_MS * Math.max(1, Math.ceil(shared.length / LANES)),
    );
  });
}

if (alone.size) {
  describe('labs that change nodes', () => {
    // Every lane's last lab goes first: a drain empties a whole node.
    beforeAll(async () => {
      for (const [lane, lab] of previousIn) {
        await cleanLab(target, lab, io);
        previousIn.delete(lane);
      }
    }, PER_LAB_MS);
    it.each(proven.filter((l) => alone.has(l.id)).map((l) => [l.id, l] as const))(
      '%s on real nodes: starts, is solved with every real-node task passing, and fails each real-node near miss',
      (_id, lab) => prove(lab, LANES),
      PER_LAB_MS,
    );
  });
}
