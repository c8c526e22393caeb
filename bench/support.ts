// What the benchmarks share: a timed child process, the median, a figure's format, and the cluster
// to measure on (the one named with --kubeconfig, else a test cluster of their own, stopped after).
import { spawn } from 'node:child_process';
import { startTestCluster } from '../test/support/start-cluster.ts';

/** Runs a program to its end: exit code, wall time and everything it printed. */
export function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; ms: number; out: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code: code ?? -1, ms: performance.now() - started, out }));
  });
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

/** The kubeconfig to measure on: the one given, or a new test cluster's; `stop` ends what was started. */
export async function benchCluster(kubeconfig: string | undefined): Promise<{ kubeconfig: string; stop: () => Promise<void> }> {
  if (kubeconfig) return { kubeconfig, stop: async () => {} };
  console.log('starting a test cluster …');
  const cluster = await startTestCluster(() => {});
  return { kubeconfig: cluster.kubeconfig, stop: () => cluster.stop() };
}
