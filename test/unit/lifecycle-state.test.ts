// Wheelhouse's record of its cluster (cluster.json) is written atomically, and one that is there
// but cannot be read stops every command before anything changes: read as "no record", a torn
// file let the next `lab up` remove the kubeconfig and make (or delete) a cluster (#14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LifecycleError } from '../../checker/core/errors.ts';
import { silentProgress } from '../../checker/lifecycle/progress.ts';
import { readState, stateFile, writeState, type ClusterState } from '../../checker/core/state.ts';
import { status } from '../../checker/lifecycle/status.ts';
import { ensureCluster } from '../../checker/lifecycle/up.ts';
import type { System } from '../../checker/providers/system.ts';

let dir: string;
const saved = { cache: process.env.WHEELHOUSE_CACHE, xdg: process.env.XDG_CACHE_HOME };
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wh-state-'));
  // No Kubernetes binaries and no kwokctl: nothing real could be created or deleted by accident.
  process.env.WHEELHOUSE_CACHE = join(dir, 'cache');
  process.env.XDG_CACHE_HOME = join(dir, 'xdg');
});
afterAll(() => {
  for (const [k, v] of [['WHEELHOUSE_CACHE', saved.cache], ['XDG_CACHE_HOME', saved.xdg]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dir, { recursive: true, force: true });
});

const state = (kubeconfig: string, id = 'id-1'): ClusterState => ({ provider: 'kwok', name: 'wheelhouse', kubeconfig, context: 'kwok-wheelhouse', createdAt: '2026-11-01T00:00:00Z', id, workdir: '/w' });

/** A machine that records every program it is asked to run (and runs none). */
function machine() {
  const ran: string[] = [];
  const sys: System = { env: { PATH: '/nowhere' }, which: () => undefined, run: async (cmd, args) => (ran.push([cmd, ...args].join(' ')), { code: 1, stdout: '', stderr: 'no' }) };
  return { sys, ran };
}

describe('cluster.json', () => {
  it('a torn record stops `lab up` before anything is changed, and says which file', async () => {
    const folder = join(dir, 'torn', '.wheelhouse');
    mkdirSync(folder, { recursive: true });
    const kubeconfig = join(folder, 'kubeconfig');
    writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\ncurrent-context: kwok-wheelhouse\n');
    // What a crash halfway through a plain writeFile leaves.
    writeFileSync(stateFile(kubeconfig), JSON.stringify(state(kubeconfig), null, 2).slice(0, 60));
    const { sys, ran } = machine();
    const err = await ensureCluster({ kubeconfig: { path: kubeconfig, source: 'default' }, provider: 'kwok', sys, progress: silentProgress, lang: 'en' }).catch((e) => e);
    expect(err).toBeInstanceOf(LifecycleError);
    expect((err as LifecycleError).code).toBe('refused');
    expect((err as LifecycleError).say('en')).toMatch(/cluster\.json is there but cannot be read/);
    expect((err as LifecycleError).say('ko')).toMatch(/읽을 수 없어/);
    expect(existsSync(kubeconfig)).toBe(true);
    expect(ran).toEqual([]);
  });

  it('a record of the wrong shape is no "no record" either; status says what is wrong and still looks at the cluster', async () => {
    const kubeconfig = join(dir, 'shape', 'kubeconfig');
    mkdirSync(join(dir, 'shape'));
    writeFileSync(stateFile(kubeconfig), JSON.stringify({ ...state(kubeconfig), id: '' }));
    await expect(readState(kubeconfig)).rejects.toThrow(/id/);
    const report = await status(kubeconfig);
    expect(report.recordProblem?.record).toMatch(/cluster\.json$/);
  });

  it('is written atomically: a reader never sees half of it', async () => {
    const kubeconfig = join(dir, 'atomic', 'kubeconfig');
    const big = { ...state(kubeconfig), workdir: `/${'w'.repeat(200_000)}` };
    await writeState(big);
    let torn = 0;
    let reads = 0;
    for (let i = 0; i < 30; i++) {
      let done = false;
      const write = writeState({ ...big, id: `id-${i}` }).then(() => (done = true));
      while (!done) {
        reads++;
        try {
          JSON.parse(readFileSync(stateFile(kubeconfig), 'utf8'));
        } catch {
          torn++;
        }
        await new Promise((r) => setImmediate(r));
      }
      await write;
    }
    expect(reads).toBeGreaterThan(30);
    expect(torn).toBe(0);
    expect((await readState(kubeconfig))?.id).toBe('id-29');
  });
});
