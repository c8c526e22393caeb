// The test cluster, as seen from a test: where its kubeconfig is, and the project's own kubectl.
// test/run.ts (npm test) or the cluster project's global setup starts it and sets the variables.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface TestCluster {
  kubeconfig: string;
  binDir: string;
}

export function testCluster(): TestCluster {
  const kubeconfig = process.env.WHEELHOUSE_TEST_KUBECONFIG;
  const binDir = process.env.WHEELHOUSE_TEST_BIN;
  if (!kubeconfig || !binDir) {
    throw new Error('No test cluster: run cluster tests through `npm test` (or `npm run test:cluster`), which starts one.');
  }
  return { kubeconfig, binDir };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with the test cluster's kubeconfig and the project's binaries first on PATH. */
export function runWithCluster(cmd: string, args: string[], opts: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<RunResult> {
  const { kubeconfig, binDir } = testCluster();
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, {
      cwd: opts.cwd,
      env: { ...process.env, KUBECONFIG: kubeconfig, WHEELHOUSE_KUBECONFIG: kubeconfig, PATH: `${binDir}:${process.env.PATH}`, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: opts.timeoutMs ?? 120_000,
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    p.stdin.end(opts.input ?? '');
  });
}

/** The project's kubectl against the test cluster. */
export function kubectl(args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return runWithCluster(join(testCluster().binDir, 'kubectl'), args, opts);
}

/** Like kubectl(), but throws with kubectl's stderr when it fails. */
export async function kubectlOk(args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<string> {
  const r = await kubectl(args, opts);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr.trim()}`);
  return r.stdout;
}
