// Starts and stops the suite's control plane: the kwok provider, with its own kwokctl work folder
// and kubeconfig in a temporary folder, so a test run touches neither ~/.kube/config nor a
// learner's lab cluster, and two runs on one machine do not meet.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKwokCluster, deleteKwokCluster, type KwokClusterOptions } from '../../checker/providers/kwok.ts';
import { markCluster } from '../../checker/lifecycle/marker.ts';
import { localKubeBinDir } from '../../checker/core/paths.ts';

export interface StartedCluster {
  kubeconfig: string;
  binDir: string;
  stop(): Promise<void>;
}

export async function startTestCluster(
  log: (m: string) => void = (m) => console.error(`[test cluster] ${m}`),
  place: { dir?: string; name?: string } = {},
): Promise<StartedCluster> {
  const binDir = localKubeBinDir();
  if (!binDir) {
    throw new Error('The Kubernetes binaries are not built. Run `npm run kube:build` (needs Go ≥ 1.26; builds once into ~/.cache/wheelhouse).');
  }
  const dir = place.dir ?? mkdtempSync(join(tmpdir(), 'wheelhouse-test-'));
  const opts: KwokClusterOptions = {
    name: place.name ?? `wh-test-${process.pid}`,
    kubeconfig: join(dir, 'kubeconfig'),
    workdir: join(dir, 'kwok'),
    binDir,
    onProgress: log,
  };
  const t0 = Date.now();
  // kwokctl picks free ports when it creates a cluster but holds them only once the components run:
  // two clusters created at the same moment can pick the same port. One creation at a time.
  const unlock = await startLock(log);
  try {
    await createKwokCluster(opts);
  } catch (err) {
    await deleteKwokCluster(opts).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    unlock();
  }
  // Mark it as Wheelhouse's own (cluster.json beside the kubeconfig, the marker with the nodes'
  // baseline inside), so the lifecycle commands (lab up/reset/solve) work on it as on a learner's.
  await markCluster(opts.kubeconfig, { provider: 'kwok', name: opts.name, workdir: opts.workdir });
  log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  let stopped = false;
  return {
    kubeconfig: opts.kubeconfig,
    binDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await deleteKwokCluster(opts).catch((e) => log(`stop: ${e.message}`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A machine-wide lock (a folder) around cluster creation; a lock older than 3 minutes is stale. */
async function startLock(log: (m: string) => void): Promise<() => void> {
  const lock = join(homedir(), '.cache', 'wheelhouse', 'cluster-start.lock');
  mkdirSync(join(lock, '..'), { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 180_000) rmSync(lock, { recursive: true, force: true });
      else if (waited % 10_000 === 0) log('waiting for another cluster on this machine to finish starting');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
