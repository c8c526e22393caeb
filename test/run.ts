// `npm test`: starts one real control plane (the kwok provider), runs Vitest (unit + cluster
// projects) and Playwright (browser tests) against it, and stops it. Nothing is skipped: a
// missing prerequisite (Kubernetes binaries, Chromium) fails the run with what to install.
//
//   node test/run.ts                 everything
//   node test/run.ts --only cluster  one tier: unit | cluster | e2e
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startTestCluster, type StartedCluster } from './support/start-cluster.ts';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const tiers = values.only ? [values.only] : ['unit', 'cluster', 'e2e'];
for (const t of tiers) {
  if (!['unit', 'cluster', 'e2e'].includes(t)) {
    console.error(`unknown tier "${t}": use unit, cluster or e2e`);
    process.exit(64);
  }
}

function npx(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const p = spawn('npx', args, { stdio: 'inherit', env });
    p.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let cluster: StartedCluster | undefined;
const stop = async () => {
  await cluster?.stop();
};
for (const s of ['SIGINT', 'SIGTERM'] as const) {
  process.on(s, () => {
    void stop().finally(() => process.exit(130));
  });
}

let failed = 0;
try {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (tiers.some((t) => t !== 'unit')) {
    cluster = await startTestCluster();
    env.WHEELHOUSE_TEST_KUBECONFIG = cluster.kubeconfig;
    env.WHEELHOUSE_TEST_BIN = cluster.binDir;
  }
  const projects = tiers.filter((t) => t !== 'e2e');
  if (projects.length) {
    const code = await npx(['vitest', 'run', ...projects.flatMap((p) => ['--project', p])], env);
    if (code !== 0) failed = code;
  }
  if (tiers.includes('e2e')) {
    if (!existsSync('playwright.config.ts')) {
      console.error('test/run.ts: no browser tests in this tree yet (no playwright.config.ts).');
    } else {
      const code = await npx(['playwright', 'test'], env);
      if (code !== 0) failed = code;
    }
  }
} catch (err) {
  console.error(`test/run.ts: ${(err as Error).message}`);
  failed = 2;
} finally {
  await stop();
}
process.exit(failed);
