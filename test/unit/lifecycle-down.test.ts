// `lab down` deletes a cluster only when its marker names the record's id (#14). A cluster that
// answers 401 or 403 is not "unreachable", nor is a missing kubeconfig, and one that does not
// answer and cannot be started again to show its marker is left alone, with the command that
// would delete it. A stand-in API server answers; a stand-in machine records kind's commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { down } from '../../checker/lifecycle/down.ts';
import { LifecycleError } from '../../checker/core/errors.ts';
import { silentProgress } from '../../checker/lifecycle/progress.ts';
import { writeState } from '../../checker/core/state.ts';
import type { System } from '../../checker/providers/system.ts';
import { startFakeApiServer, writeKubeconfig, type FakeApiServer } from '../fixtures/fake-api-server.ts';

let api: FakeApiServer;
let dir: string;
beforeAll(async () => {
  api = await startFakeApiServer();
  dir = mkdtempSync(join(tmpdir(), 'wh-down-'));
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

/** kind and Docker as `down` sees them: a cluster "wheelhouse" whose one node container is stopped and will not start. */
function machine() {
  const ran: string[] = [];
  const sys: System = {
    env: { PATH: '/usr/bin' },
    which: (n) => (n === 'kind' || n === 'docker' ? `/usr/bin/${n}` : undefined),
    run: async (cmd, args) => {
      ran.push([cmd, ...args].join(' '));
      if (cmd === 'kind' && args[0] === 'get') return { code: 0, stdout: 'wheelhouse\n', stderr: '' };
      if (cmd === 'docker' && args[0] === 'ps') return { code: 0, stdout: 'wheelhouse-control-plane exited\n', stderr: '' };
      return { code: 1, stdout: '', stderr: 'Cannot connect to the Docker daemon' };
    },
  };
  return { sys, ran };
}

/** A Wheelhouse record (kind) beside a copy of the given kubeconfig. */
async function recordFor(name: string, kubeconfigSource?: string): Promise<string> {
  const folder = mkdtempSync(join(dir, `${name}-`));
  const kubeconfig = join(folder, 'kubeconfig');
  if (kubeconfigSource) copyFileSync(kubeconfigSource, kubeconfig);
  await writeState({ provider: 'kind', name: 'wheelhouse', kubeconfig, context: 'fake', createdAt: '2026-11-01T00:00:00Z', id: 'the-record-id' });
  return kubeconfig;
}

async function refusal(kubeconfig: string) {
  const { sys, ran } = machine();
  const err = await down(kubeconfig, { sys, progress: silentProgress, lang: 'en' }).catch((e) => e);
  return { err: err as LifecycleError, ran };
}

describe('lab down never deletes a cluster it cannot see the marker of', { timeout: 30_000 }, () => {
  it('a cluster that answers 401 (another cluster now behind that address) is refused, not "unreachable"', async () => {
    api.handler = () => ({ status: 401, body: { kind: 'Status', code: 401, message: 'Unauthorized' } });
    const { err, ran } = await refusal(await recordFor('denied', api.kubeconfig));
    expect(err).toBeInstanceOf(LifecycleError);
    expect(err.code).toBe('refused');
    expect(err.say('en')).toMatch(/refuses Wheelhouse \(401\/403\)/);
    expect(ran.filter((c) => c.includes('delete'))).toEqual([]);
  });

  it('so is one that answers 403', async () => {
    api.handler = () => ({ status: 403, body: { kind: 'Status', code: 403, message: 'configmaps "wheelhouse-cluster" is forbidden' } });
    const { err, ran } = await refusal(await recordFor('forbidden', api.kubeconfig));
    expect(err.code).toBe('refused');
    expect(ran.filter((c) => c.includes('delete'))).toEqual([]);
  });

  it('a record whose kubeconfig is missing: nothing to verify with, nothing deleted, the manual command given', async () => {
    const { err, ran } = await refusal(await recordFor('no-kubeconfig'));
    expect(err.code).toBe('refused');
    expect(err.say('en')).toContain('kind delete cluster --name wheelhouse');
    expect(err.say('ko')).toContain('kind delete cluster --name wheelhouse');
    expect(ran.filter((c) => c.includes('delete'))).toEqual([]);
  });

  it('a cluster that does not answer and cannot be started again is left alone', async () => {
    const closed = await writeKubeconfig('http://127.0.0.1:9');
    const { err, ran } = await refusal(await recordFor('stopped', closed));
    expect(err.code).toBe('refused');
    expect(err.say('en')).toMatch(/Not deleting the kind cluster "wheelhouse": it does not answer/);
    // It tried to start the node containers, to see the marker.
    expect(ran).toContain('docker start wheelhouse-control-plane');
    expect(ran.filter((c) => c.includes('delete'))).toEqual([]);
  });
});
