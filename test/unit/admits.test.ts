// ctx.admits: a server-side dry run, worded as an observation either way.
import { describe, expect, it } from 'vitest';
import { createContext } from '../../checker/checks/define.ts';
import { FakeCluster } from '../support/fake-cluster.ts';
import { loadLab } from '../../checker/lab/load.ts';
import { observationMessage } from '../../checker/report/words.ts';

const pod = (image: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'probe' }, spec: { containers: [{ name: 'c', image }] } });

describe('admits', async () => {
  const lab = await loadLab('lab-07');
  const cluster = new FakeCluster({
    admission: (obj) => (String(obj.spec.containers[0].image).endsWith(':latest') ? { allowed: false, status: 422, message: 'images must be pinned' } : { allowed: true }),
  });
  const { ctx } = createContext(lab, cluster, true);

  it('passes when the object is admitted, in the lab namespace', async () => {
    const o = await ctx.admits(pod('nginx:1.27'));
    expect(o.ok).toBe(true);
    expect(cluster.requests.at(-1)).toBe('admits v1 Pod lab-07/probe');
  });

  it('expect: false passes on a refusal and says why it was refused', async () => {
    const o = await ctx.admits(pod('nginx:latest'), { expect: false });
    expect(o.ok).toBe(true);
    expect(observationMessage(o, 'en')).toMatch(/refused: images must be pinned/);
  });

  it('fails, saying what was found, when the server answers otherwise', async () => {
    const o = await ctx.admits(pod('nginx:1.27'), { expect: false });
    expect(o.ok).toBe(false);
    expect(observationMessage(o, 'en')).toMatch(/expected refused by the API server, found admitted by the API server/);
    expect(observationMessage(o, 'ko')).toMatch(/API 서버가 받아들임/);
  });
});

describe('admits: updates, subresources and deletes', async () => {
  const lab = await loadLab('lab-07');
  const cluster = new FakeCluster({
    admission: (obj, _ns, opts) => (opts?.subresource === 'ephemeralcontainers' ? { allowed: false, status: 403, message: 'no latest' } : { allowed: true }),
  });
  const { ctx } = createContext(lab, cluster, true);

  it('asks for the operation and subresource, and words the path and command after them', async () => {
    const o = await ctx.admits(pod('nginx:1.27'), { expect: false, operation: 'update', subresource: 'ephemeralcontainers' });
    expect(o.ok).toBe(true);
    expect(cluster.requests.at(-1)).toBe('admits v1 Pod lab-07/probe (update ephemeralcontainers)');
    expect(o.path).toBe('replace --subresource=ephemeralcontainers --dry-run=server');
    expect(o.kubectl).toBe('kubectl replace --subresource=ephemeralcontainers --dry-run=server -f <pod.yaml> -n lab-07');
    const d = await ctx.admits(pod('nginx:1.27'), { operation: 'delete' });
    expect(d.ok).toBe(true);
    expect(d.kubectl).toBe('kubectl delete pod/probe --dry-run=server -n lab-07');
    expect(observationMessage(d, 'en')).toMatch(/delete --dry-run=server: expected admitted/);
  });
});

describe('context extras', async () => {
  const lab = await loadLab('lab-07');
  it('gives the server version', async () => {
    const { ctx } = createContext(lab, new FakeCluster({ version: 'v1.37.0' }), true);
    expect(await ctx.serverVersion()).toBe('v1.37.0');
  });
  it('marks a dry-run answer as settling when asked', async () => {
    const { ctx } = createContext(lab, new FakeCluster(), true);
    expect((await ctx.admits(pod('nginx:1.27'), { expect: false, settling: true })).settling).toBe(true);
    expect((await ctx.admits(pod('nginx:1.27'))).settling).toBeUndefined();
  });
});
