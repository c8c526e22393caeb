// The grading engine: runs each task's check against the cluster and decides its outcome.
//
// - pass: every observation ok. fail: some observation not ok (the learner's to fix).
// - error: the checker cannot tell (API down, 401/403, timeout, a bug in the check): never charged
//   to the learner. skipped: a task it depends on did not pass, or it needs real containers and
//   the cluster simulates its nodes (reason "needs-real-nodes"; not counted in the score).
// - Converging status (observations marked settling) is sampled again about once a second until
//   one deadline shared by the whole run; anything else is decided on the first sample. On the
//   deadline the last observations are the result.
// - Negative tasks run after all positive tasks have settled, and pass only on two consecutive
//   passing samples (a thing that is "not there" may simply not be there yet).
// - Tasks run in parallel; identical requests in flight at the same time are sent once.
import type { Lab, Task } from '../lab/schema.ts';
import type { LoadedLab } from '../lab/load.ts';
import { isSimulated, type ClusterReader } from '../cluster/types.ts';
import { createContext, type Checks } from '../checks/define.ts';
import { flatten, type Observation } from '../checks/observation.ts';
import { ClusterError, EXIT } from '../core/errors.ts';

export type Outcome = 'pass' | 'fail' | 'error' | 'skipped';
export type SkipReason = 'dependency' | 'needs-real-nodes';

export interface TaskError {
  /** A ClusterError code, or "check-crashed" (an exception in the check), or "no-observations". */
  code: string;
  /** Safe to show; English detail from the cluster or the exception. */
  message: string;
  stack?: string;
}

export interface TaskResult {
  id: string;
  outcome: Outcome;
  reason?: SkipReason;
  /** For reason "dependency": the tasks that did not pass. */
  blockedBy?: string[];
  points: number;
  earned: number;
  /** The last sample's observations (missing objects first). */
  observations: Observation[];
  error?: TaskError;
  /** How many times the check ran. */
  samples: number;
  durationMs: number;
}

export interface GradeResult {
  lab: Lab & { namespace: string };
  startedAt: Date;
  durationMs: number;
  server: string;
  serverVersion: string;
  simulated: boolean;
  tasks: TaskResult[];
  score: { earned: number; possible: number };
  outcome: 'pass' | 'fail' | 'error';
  exitCode: 0 | 1 | 2;
}

export interface GradeOptions {
  reader: ClusterReader;
  /** Known already (skip the node listing). */
  simulated?: boolean;
  serverVersion?: string;
  /** One deadline for the whole run, from its start. */
  deadlineMs?: number;
  /** Pause between samples of settling status. */
  intervalMs?: number;
}

export const DEFAULT_DEADLINE_MS = 15_000;
export const DEFAULT_INTERVAL_MS = 1_000;

/**
 * Grades a lab. Throws ClusterError when the cluster cannot be graded at all (no answer to the
 * first requests); errors later in the run become task outcomes.
 */
export async function grade(lab: LoadedLab, checks: Checks, opts: GradeOptions): Promise<GradeResult> {
  const startedAt = new Date();
  const start = performance.now();
  const deadline = start + (opts.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const interval = opts.intervalMs ?? DEFAULT_INTERVAL_MS;
  const reader = dedupe(opts.reader);
  const [serverVersion, simulated] = await Promise.all([opts.serverVersion ?? reader.serverVersion(), opts.simulated ?? isSimulated(reader)]);

  const results = new Map<string, Promise<TaskResult>>();
  const positives: Promise<TaskResult>[] = [];
  const run = (task: Task): Promise<TaskResult> => {
    let p = results.get(task.id);
    if (!p) {
      p = runTask(task);
      results.set(task.id, p);
    }
    return p;
  };

  async function runTask(task: Task): Promise<TaskResult> {
    const base = { id: task.id, points: task.points, earned: 0, observations: [] as Observation[], samples: 0 };
    // Not gradable here at all comes first: it keeps the task out of the score.
    if (task.runtime === 'containers' && simulated) return { ...base, outcome: 'skipped', reason: 'needs-real-nodes', durationMs: 0 };
    const deps = await Promise.all(task.dependsOn.map((id) => run(lab.tasks.find((t) => t.id === id)!)));
    const taskStart = performance.now();
    const blockedBy = deps.filter((d) => d.outcome !== 'pass').map((d) => d.id);
    if (blockedBy.length) return { ...base, outcome: 'skipped', reason: 'dependency', blockedBy, durationMs: 0 };
    if (task.negative) await Promise.allSettled(positives);

    const needed = task.negative ? 2 : 1;
    let passes = 0;
    let samples = 0;
    for (;;) {
      samples++;
      const { ctx, missing } = createContext(lab, reader, simulated);
      let observations: Observation[] = [];
      let thrown: unknown;
      try {
        observations = flatten(await checks[task.id](ctx));
      } catch (err) {
        thrown = err;
      }
      const done = (r: Partial<TaskResult> & Pick<TaskResult, 'outcome'>): TaskResult => ({ ...base, samples, durationMs: performance.now() - taskStart, ...r });
      const timeLeft = () => performance.now() + interval <= deadline;

      if (thrown instanceof ClusterError) {
        if (thrown.transient && timeLeft()) {
          await sleep(interval);
          continue;
        }
        return done({ outcome: 'error', error: { code: thrown.code, message: thrown.message } });
      }
      // A check that trips over an object `get` did not find is a "not yet", not a bug.
      if (thrown !== undefined && missing.length === 0) {
        const e = thrown instanceof Error ? thrown : new Error(String(thrown));
        return done({ outcome: 'error', error: { code: 'check-crashed', message: e.message, stack: e.stack } });
      }
      const all = [...missing, ...observations];
      if (all.length === 0) return done({ outcome: 'error', error: { code: 'no-observations', message: `the check for ${task.id} observed nothing` } });

      const failures = all.filter((o) => !o.ok);
      if (failures.length === 0) {
        passes++;
        if (passes >= needed) return done({ outcome: 'pass', earned: task.points, observations: all });
        await sleep(interval); // the confirming sample of a negative task, even at the deadline
        continue;
      }
      passes = 0;
      if (failures.every((o) => o.settling) && timeLeft()) {
        await sleep(interval);
        continue;
      }
      return done({ outcome: 'fail', observations: all });
    }
  }

  // Negative tasks wait for the positive ones, except those that (transitively) wait for a
  // negative task themselves: waiting for them would wait forever.
  const byId = new Map(lab.tasks.map((t) => [t.id, t]));
  const needsNegative = (t: Task, seen = new Set<string>()): boolean =>
    t.dependsOn.some((id) => {
      if (seen.has(id)) return false;
      seen.add(id);
      const dep = byId.get(id)!;
      return dep.negative || needsNegative(dep, seen);
    });
  for (const task of lab.tasks) if (!task.negative && !needsNegative(task)) positives.push(run(task));
  const tasks = await Promise.all(lab.tasks.map(run));

  const graded = tasks.filter((t) => t.reason !== 'needs-real-nodes');
  const score = { earned: graded.reduce((s, t) => s + t.earned, 0), possible: graded.reduce((s, t) => s + t.points, 0) };
  const outcome = tasks.some((t) => t.outcome === 'error') ? 'error' : graded.every((t) => t.outcome === 'pass') ? 'pass' : 'fail';
  const { dir: _dir, file: _file, folder: _folder, ...labData } = lab;
  return {
    lab: labData,
    startedAt,
    durationMs: performance.now() - start,
    server: opts.reader.server,
    serverVersion,
    simulated,
    tasks,
    score,
    outcome,
    exitCode: outcome === 'pass' ? EXIT.ok : outcome === 'fail' ? EXIT.failed : EXIT.cluster,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Sends identical concurrent requests once: parallel tasks often read the same Deployment. */
export function dedupe(reader: ClusterReader): ClusterReader {
  const inFlight = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, call: () => Promise<T>): Promise<T> => {
    let p = inFlight.get(key) as Promise<T> | undefined;
    if (!p) {
      p = call().finally(() => inFlight.delete(key));
      inFlight.set(key, p);
    }
    // Each caller gets its own copy: checks may change what they read.
    return p.then((v) => (v === undefined ? v : structuredClone(v)));
  };
  return {
    server: reader.server,
    get: (...a) => once(JSON.stringify(['get', ...a]), () => reader.get(...a)),
    list: (...a) => once(JSON.stringify(['list', ...a]), () => reader.list(...a)),
    accessReview: (spec) => once(JSON.stringify(['review', spec]), () => reader.accessReview(spec)),
    admits: (obj, ns, opts) => once(JSON.stringify(['admits', obj, ns, opts]), () => reader.admits(obj, ns, opts)),
    serverVersion: () => once('version', () => reader.serverVersion()),
  };
}
