// The kind tier's cluster, made the way a learner makes one: `npm run lab -- up LAB --provider kind`
// (the product's kind provider, kind and Docker), then `npm run lab -- prefetch LABS` to load the
// images the labs run into the nodes, as an offline workshop would. Its kubeconfig lives in a
// temporary folder (WHEELHOUSE_KUBECONFIG), so a test run never touches the learner's .wheelhouse.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KindTier {
  kubeconfig: string;
  dir: string;
  stop(): Promise<void>;
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** `node checker/cli/lab.ts ARGS` with the tier's kubeconfig; output is passed to `log` line by line. */
export function labCommand(args: string[], kubeconfig: string, log: (line: string) => void = () => {}, env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['checker/cli/lab.ts', ...args], { env: { ...process.env, WHEELHOUSE_KUBECONFIG: kubeconfig, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const lines = (chunk: string) => chunk.split('\n').filter(Boolean).forEach(log);
    p.stdout.on('data', (d) => ((stdout += d), lines(String(d))));
    p.stderr.on('data', (d) => ((stderr += d), lines(String(d))));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr, ms: performance.now() - t0 }));
  });
}

/** What the kind tier needs on this machine, or what to do about it. */
export async function kindPrerequisites(): Promise<string[]> {
  const problems: string[] = [];
  const run = (cmd: string, args: string[]) =>
    new Promise<number>((resolve) => {
      const p = spawn(cmd, args, { stdio: 'ignore' });
      p.on('error', () => resolve(127));
      p.on('close', (c) => resolve(c ?? 1));
    });
  if ((await run('docker', ['info'])) !== 0) problems.push('Docker does not answer (`docker info`): install and start it (CI: .ci/docker.sh).');
  if ((await run('kind', ['version'])) !== 0) problems.push('kind is not on PATH: bash tools/kind/install.sh installs it and prints its folder.');
  const image = process.env.WHEELHOUSE_KIND_IMAGE;
  if (image && (await run('docker', ['image', 'inspect', image])) !== 0) problems.push(`WHEELHOUSE_KIND_IMAGE=${image} is not in Docker: build it with bash tools/kind/node-image.sh.`);
  return problems;
}

/** Creates the cluster with `lab up FIRST --provider kind`, then loads the labs' images with `lab prefetch`. */
export async function startKindTier(firstLab: string, labs: string[], log: (m: string) => void = (m) => console.error(`[kind] ${m}`)): Promise<KindTier> {
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-kind-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const stop = async () => {
    const r = await labCommand(['down'], kubeconfig, log);
    if (r.code !== 0) log(`lab down exited ${r.code}`);
    rmSync(dir, { recursive: true, force: true });
  };
  const up = await labCommand(['up', firstLab, '--provider', 'kind'], kubeconfig, log);
  if (up.code !== 0) {
    await stop();
    throw new Error(`npm run lab -- up ${firstLab} --provider kind failed (exit ${up.code}):\n${up.stderr || up.stdout}`);
  }
  log(`cluster up in ${(up.ms / 1000).toFixed(1)} s`);
  const pre = await labCommand(['prefetch', ...labs], kubeconfig, log);
  if (pre.code !== 0) {
    await stop();
    throw new Error(`npm run lab -- prefetch failed (exit ${pre.code}):\n${pre.stderr || pre.stdout}`);
  }
  log(`images loaded in ${(pre.ms / 1000).toFixed(1)} s`);
  return { kubeconfig, dir, stop };
}
