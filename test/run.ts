// `npm test`: every tier, nothing skipped. A missing prerequisite (Kubernetes binaries, Chromium,
// Docker, kind, the kind node image) fails the run with what to install.
//
//   unit     Vitest, no network
//   cluster  Vitest against one real control plane with simulated nodes (the kwok provider)
//   e2e      Playwright with Debian's Chromium against the same control plane
//   kind     real nodes: `lab up --provider kind` and `lab prefetch` make a kind cluster the way a
//            learner does; Vitest proves every real-node task on it, Playwright drives its terminal,
//            and the last test stops a node container, starts it again and runs `lab down`
//
// The kind tier runs beside the others (its cluster mostly waits on containers); its output is
// prefixed with [kind].
//
//   node test/run.ts                 everything
//   node test/run.ts --only kind     one tier: unit | cluster | e2e | kind (comma-separated for several)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startTestCluster, type StartedCluster } from './support/start-cluster.ts';
import { kindPrerequisites, startKindTier, type KindTier } from './support/kind-cluster.ts';
import { kindLabs } from './kind/which-labs.ts';
import { listLabs } from '../checker/lab/load.ts';

const TIERS = ['unit', 'cluster', 'e2e', 'kind'];
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const tiers = values.only ? values.only.split(',') : TIERS;
for (const t of tiers) {
  if (!TIERS.includes(t)) {
    console.error(`unknown tier "${t}": use ${TIERS.join(', ')}`);
    process.exit(64);
  }
}

/** Runs `npx ARGS`; with a prefix, each output line is prefixed (tiers running side by side). */
function npx(args: string[], env: NodeJS.ProcessEnv, prefix?: string): Promise<number> {
  return new Promise((resolve) => {
    const p = spawn('npx', args, { stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit', env });
    if (prefix) {
      for (const [from, to] of [[p.stdout, process.stdout], [p.stderr, process.stderr]] as const) {
        let rest = '';
        from!.on('data', (d) => {
          const lines = (rest + d).split('\n');
          rest = lines.pop()!;
          for (const l of lines) to.write(`${prefix} ${l}\n`);
        });
        from!.on('end', () => rest && to.write(`${prefix} ${rest}\n`));
      }
    }
    p.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let cluster: StartedCluster | undefined;
let proverCluster: StartedCluster | undefined;
let kind: KindTier | undefined;
const stop = async () => {
  await Promise.all([cluster?.stop(), proverCluster?.stop(), kind?.stop()]);
};
for (const s of ['SIGINT', 'SIGTERM'] as const) {
  process.on(s, () => {
    void stop().finally(() => process.exit(130));
  });
}

/**
 * The simulated-cluster tiers: unit and cluster (Vitest), then e2e (Playwright). The lab prover
 * (test/cluster/labs.test.ts, about 15 min) runs on a control plane of its own beside the rest:
 * cluster test files change nodes, so on one cluster they run one after another.
 */
async function simulatedTiers(): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const clusterTier = tiers.includes('cluster');
  if (clusterTier || tiers.includes('e2e')) {
    cluster = await startTestCluster();
    env.WHEELHOUSE_TEST_KUBECONFIG = cluster.kubeconfig;
    env.WHEELHOUSE_TEST_BIN = cluster.binDir;
  }
  const prover = async (): Promise<number> => {
    if (!clusterTier) return 0;
    proverCluster = await startTestCluster((m) => console.error(`[prover cluster] ${m}`), { name: `wh-prover-${process.pid}` });
    const proverEnv = { ...env, WHEELHOUSE_TEST_KUBECONFIG: proverCluster.kubeconfig, WHEELHOUSE_TEST_BIN: proverCluster.binDir };
    return npx(['vitest', 'run', '--project', 'cluster', 'test/cluster/labs.test.ts'], proverEnv, '[prover]');
  };
  const rest = async (): Promise<number> => {
    let failed = 0;
    const projects = tiers.filter((t) => t === 'unit' || t === 'cluster');
    if (projects.length) {
      const code = await npx(['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...(clusterTier ? ['--exclude', 'test/cluster/labs.test.ts'] : [])], env);
      if (code !== 0) failed = code;
    }
    if (tiers.includes('e2e')) {
      if (!existsSync('playwright.config.ts')) throw new Error('no playwright.config.ts: the browser tests are missing');
      const code = await npx(['playwright', 'test'], env);
      if (code !== 0) failed = code;
    }
    return failed;
  };
  const codes = await Promise.all([prover(), rest()]);
  return codes.find((c) => c !== 0) ?? 0;
}

/** The kind tier: the cluster through the product's CLI, then the real-node tests on it. */
async function kindTier(): Promise<number> {
  const log = (m: string) => console.error(`[kind] ${m}`);
  const problems = await kindPrerequisites();
  // A missing prerequisite fails the run: the kind tier holds the real-node tasks and the
  // browser test on real nodes, and a green run must mean they were proven.
  // `--only unit,cluster,e2e` leaves the tier out on purpose.
  if (problems.length) throw new Error(`the kind tier cannot run:\n  ${problems.join('\n  ')}`);
  const { proven, unproven } = await kindLabs(await listLabs());
  for (const u of unproven) log(`${u.lab.id} is proven on simulated nodes only: ${u.why}`);
  const t0 = performance.now();
  kind = await startKindTier(proven[0]?.id ?? 'lab-02', proven.map((l) => l.id), log);
  log(`cluster ready for the tier after ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const env: NodeJS.ProcessEnv = { ...process.env, WHEELHOUSE_KIND_KUBECONFIG: kind.kubeconfig };
  let failed = 0;
  // The browser first (it sets lab-07 up through the server); then every lab and, beside them,
  // the lessons (their own namespaces; about 5 min against the labs' 13, so they are done long
  // before the labs that change nodes run last); then the lifecycle test, whose last step deletes
  // the cluster.
  const e2e = await npx(['playwright', 'test'], { ...env, WHEELHOUSE_E2E_KIND: '1', WHEELHOUSE_TEST_KUBECONFIG: kind.kubeconfig }, '[kind]');
  if (e2e !== 0) failed = e2e;
  const side = await Promise.all([
    npx(['vitest', 'run', '--project', 'kind', 'test/kind/labs.test.ts'], env, '[kind labs]'),
    npx(['vitest', 'run', '--project', 'kind', 'test/kind/lessons.test.ts'], env, '[kind lessons]'),
  ]);
  for (const code of side) if (code !== 0) failed = code;
  const lifecycle = await npx(['vitest', 'run', '--project', 'kind', 'test/kind/lifecycle.test.ts'], env, '[kind]');
  if (lifecycle !== 0) failed = lifecycle;
  log(`kind tier done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return failed;
}

let failed = 0;
try {
  const runs: Promise<number>[] = [];
  if (tiers.some((t) => t !== 'kind')) runs.push(simulatedTiers());
  // WHEELHOUSE_KIND_SERIAL=1 runs the kind tier after the others (a machine short of memory).
  if (tiers.includes('kind')) {
    if (process.env.WHEELHOUSE_KIND_SERIAL) {
      const before = runs.pop() ?? Promise.resolve(0);
      runs.push(before.then(async (c) => (await kindTier()) || c));
    }
    else runs.push(kindTier());
  }
  const codes = await Promise.allSettled(runs);
  for (const c of codes) {
    if (c.status === 'rejected') {
      console.error(`test/run.ts: ${(c.reason as Error).message}`);
      failed = 2;
    } else if (c.value !== 0) failed = c.value;
  }
} finally {
  await stop();
}
process.exit(failed);
