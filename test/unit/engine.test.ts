// Grading semantics with a fake cluster: outcomes, polling, negative tasks, dependencies, errors, score.
import { describe, expect, it } from 'vitest';
import { grade, dedupe } from '../../checker/engine/grade.ts';
import { FakeCluster, clusterFailures } from '../support/fake-cluster.ts';
import { defineChecks, match, rolloutComplete, type Checks } from '../../checker/index.ts';
import { taskSchema, type Task } from '../../checker/lab/schema.ts';
import type { LoadedLab } from '../../checker/lab/load.ts';
import type { KObject } from '../../checker/cluster/types.ts';

type TaskInput = { id: string } & Partial<Omit<Task, 'id'>>;
const t = (id: string, extra: Partial<TaskInput> = {}): Task =>
  taskSchema.parse({ id, title: { en: id, ko: id }, text: { en: id, ko: id }, hint: { en: `hint ${id}`, ko: `힌트 ${id}` }, ...extra });

function lab(tasks: Task[]): LoadedLab {
  return {
    id: 'lab-90',
    module: 4,
    title: { en: 'Test lab', ko: '테스트 실습' },
    summary: { en: 's', ko: 's' },
    minutes: 10,
    broken: false,
    nodes: [],
    addons: [],
    tasks,
    namespace: 'lab-90',
    dir: '/nowhere',
    folder: 'lab-90-test',
    file: '/nowhere/lab.yaml',
  };
}

const realNode: KObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'wheelhouse-worker' } };
const fakeNode: KObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'wheelhouse-worker', annotations: { 'kwok.x-k8s.io/node': 'fake' } } };
const cm = (name: string, data: Record<string, string>): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'lab-90' }, data });
const deploy = (updated: number): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'lab-90', generation: 2 },
  spec: { replicas: 3 },
  status: { observedGeneration: 2, replicas: 3, updatedReplicas: updated, availableReplicas: updated },
});

const fast = { intervalMs: 5, deadlineMs: 2000 };
const configCheck = (name: string, mode: string) => async ({ get }: Parameters<Checks[string]>[0]) => match(await get('v1', 'ConfigMap', name), { data: { mode } });

describe('outcomes', () => {
  it('pass, fail and the score', async () => {
    const cluster = new FakeCluster({ objects: [realNode, cm('a', { mode: 'on' }), cm('b', { mode: 'off' })] });
    const checks = defineChecks({ a: configCheck('a', 'on'), b: configCheck('b', 'on') });
    const r = await grade(lab([t('a', { points: 2 }), t('b', { points: 3 })]), checks, { reader: cluster, ...fast });
    expect(r.tasks.map((x) => [x.id, x.outcome, x.earned])).toEqual([
      ['a', 'pass', 2],
      ['b', 'fail', 0],
    ]);
    expect(r.score).toEqual({ earned: 2, possible: 5 });
    expect([r.outcome, r.exitCode]).toEqual(['fail', 1]);
    expect(r.tasks[1].observations.find((o) => !o.ok)).toMatchObject({ path: 'data.mode', expected: 'on', found: 'off' });
  });

  it('all pass: exit code 0', async () => {
    const cluster = new FakeCluster({ objects: [realNode, cm('a', { mode: 'on' })] });
    const r = await grade(lab([t('a')]), { a: configCheck('a', 'on') }, { reader: cluster, ...fast });
    expect([r.outcome, r.exitCode, r.simulated]).toEqual(['pass', 0, false]);
  });

  it('a missing object is "not found yet" with the command to look, not an error', async () => {
    const cluster = new FakeCluster({ objects: [realNode] });
    const r = await grade(lab([t('a')]), { a: configCheck('a', 'on') }, { reader: cluster, ...fast });
    expect(r.tasks[0].outcome).toBe('fail');
    expect(r.tasks[0].observations).toHaveLength(1);
    expect(r.tasks[0].observations[0]).toMatchObject({ path: '', ok: false, kubectl: 'kubectl get configmap a -n lab-90' });
    expect(r.tasks[0].samples).toBe(1);
  });

  it('a check that trips over a missing object fails (the object is missing), not errors', async () => {
    const cluster = new FakeCluster({ objects: [realNode] });
    const checks = defineChecks({ a: async ({ get }) => match(await get('v1', 'ConfigMap', 'a'), { data: { mode: (await get('v1', 'ConfigMap', 'a'))!.data.mode } }) });
    const r = await grade(lab([t('a')]), checks, { reader: cluster, ...fast });
    expect(r.tasks[0].outcome).toBe('fail');
  });

  it('a check that throws is an error (a bug in the lab), never a fail', async () => {
    const cluster = new FakeCluster({ objects: [realNode, cm('a', { mode: 'on' })] });
    const checks = defineChecks({
      a: async () => {
        throw new TypeError('cannot read properties of undefined');
      },
      b: configCheck('a', 'on'),
    });
    const r = await grade(lab([t('a'), t('b')]), checks, { reader: cluster, ...fast });
    expect(r.tasks[0]).toMatchObject({ outcome: 'error', earned: 0, error: { code: 'check-crashed', message: 'cannot read properties of undefined' } });
    expect(r.tasks[1].outcome).toBe('pass');
    expect([r.outcome, r.exitCode]).toEqual(['error', 2]);
  });

  it('a check that observes nothing is an error: a check must be able to fail', async () => {
    const cluster = new FakeCluster({ objects: [realNode] });
    const r = await grade(lab([t('a')]), { a: async () => [] }, { reader: cluster, ...fast });
    expect(r.tasks[0]).toMatchObject({ outcome: 'error', error: { code: 'no-observations' } });
  });

  it('a cluster that refuses (403) is an error, not the learner failing', async () => {
    const cluster = new FakeCluster({ objects: [realNode] });
    let calls = 0;
    cluster.beforeRequest = (req) => {
      if (req.startsWith('get') && ++calls > 0) throw clusterFailures.forbidden();
    };
    const r = await grade(lab([t('a')]), { a: configCheck('a', 'on') }, { reader: cluster, ...fast });
    expect(r.tasks[0]).toMatchObject({ outcome: 'error', error: { code: 'forbidden' } });
    expect(r.tasks[0].samples).toBe(1); // not transient: no retry
    expect(r.exitCode).toBe(2);
  });

  it('an API server that goes away mid-run: retried until the deadline, then error', async () => {
    const cluster = new FakeCluster({ objects: [realNode, cm('a', { mode: 'on' })] });
    cluster.beforeRequest = (req) => {
      if (req.startsWith('get')) cluster.failure = clusterFailures.down();
    };
    const r = await grade(lab([t('a')]), { a: configCheck('a', 'on') }, { reader: cluster, intervalMs: 5, deadlineMs: 60 });
    expect(r.tasks[0]).toMatchObject({ outcome: 'error', error: { code: 'unreachable' } });
    expect(r.tasks[0].samples).toBeGreaterThan(1);
  });

  it('a transient error that clears within the deadline does not show', async () => {
    const cluster = new FakeCluster({ objects: [realNode, cm('a', { mode: 'on' })] });
    let gets = 0;
    cluster.beforeRequest = (req) => {
      if (req.startsWith('get') && ++gets === 1) throw clusterFailures.slow();
    };
    const r = await grade(lab([t('a')]), { a: configCheck('a', 'on') }, { reader: cluster, ...fast });
    expect(r.tasks[0]).toMatchObject({ outcome: 'pass', samples: 2 });
  });

  it('cannot start grading without the cluster: grade() throws the ClusterError', async () => {
    const cluster = new FakeCluster();
    cluster.failure = clusterFailures.unauthorized();
    await expect(grade(lab([t('a')]), { a: configCheck('a', 'on') }, { reader: cluster, ...fast })).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('polling converging status', () => {
  it('samples again about every interval until the rollout completes', async () => {
    const cluster = new FakeCluster({ objects: [realNode, deploy(0)] });
    let gets = 0;
    cluster.beforeRequest = (req) => {
      if (req.startsWith('get apps/v1 Deployment')) cluster.put(deploy(Math.min(3, gets++)));
    };
    const checks = defineChecks({ rolled: async ({ get }) => rolloutComplete(await get('apps/v1', 'Deployment', 'web')) });
    const r = await grade(lab([t('rolled')]), checks, { reader: cluster, ...fast });
    expect(r.tasks[0]).toMatchObject({ outcome: 'pass', samples: 4 });
  });

  it('gives the last observation when the deadline comes, not "timed out"', async () => {
    const cluster = new FakeCluster({ objects: [realNode, deploy(1)] });
    const checks = defineChecks({ rolled: async ({ get }) => rolloutComplete(await get('apps/v1', 'Deployment', 'web')) });
    const started = performance.now();
    const r = await grade(lab([t('rolled')]), checks, { reader: cluster, intervalMs: 20, deadlineMs: 200 });
    const elapsed = performance.now() - started;
    expect(r.tasks[0].outcome).toBe('fail');
    expect(r.tasks[0].samples).toBeGreaterThanOrEqual(3);
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(2000);
    const last = r.tasks[0].observations[0];
    expect(last.settling).toBe(true);
    expect((last.found as { key: string }).key).toBe('rolloutNewReplicas');
  });

  it('reads spec once: a spec mismatch fails at once even if status is also settling', async () => {
    const cluster = new FakeCluster({ objects: [realNode, deploy(1)] });
    const checks = defineChecks({ scaled: async ({ get }) => { const d = await get('apps/v1', 'Deployment', 'web'); return [match(d, { spec: { replicas: 5 } }), rolloutComplete(d)]; } });
    const r = await grade(lab([t('scaled')]), checks, { reader: cluster, intervalMs: 20, deadlineMs: 1000 });
    expect(r.tasks[0]).toMatchObject({ outcome: 'fail', samples: 1 });
    // Every failure is reported, each with its path.
    expect(r.tasks[0].observations.filter((o) => !o.ok).map((o) => o.path)).toEqual(['spec.replicas', 'status']);
  });

  it('one deadline for the whole run, shared by tasks running in parallel', async () => {
    const cluster = new FakeCluster({ objects: [realNode, deploy(1)] });
    const check = async ({ get }: Parameters<Checks[string]>[0]) => rolloutComplete(await get('apps/v1', 'Deployment', 'web'));
    const started = performance.now();
    const r = await grade(lab([t('a'), t('b'), t('c')]), { a: check, b: check, c: check }, { reader: cluster, intervalMs: 20, deadlineMs: 200 });
    expect(r.tasks.every((x) => x.outcome === 'fail')).toBe(true);
    expect(performance.now() - started).toBeLessThan(600);
  });
});

describe('negative tasks', () => {
  it('run after the positive tasks settle, and need two passing samples in a row', async () => {
    const cluster = new FakeCluster({ objects: [realNode, deploy(0)] });
    const order: string[] = [];
    let gets = 0;
    cluster.beforeRequest = (req) => {
      if (req.startsWith('get apps/v1 Deployment')) cluster.put(deploy(Math.min(3, gets++)));
    };
    const checks = defineChecks({
      rolled: async ({ get }) => {
        const obs = rolloutComplete(await get('apps/v1', 'Deployment', 'web'));
        if (obs[0].ok) order.push('rolled passed');
        return obs;
      },
      'no-debug-pod': async ({ find }) => {
        order.push('negative sampled');
        const pod = await find('v1', 'Pod', 'debug');
        return [{ path: 'pod/debug', expected: 'absent', found: pod ? 'present' : 'absent', ok: !pod }];
      },
    });
    const r = await grade(lab([t('no-debug-pod', { negative: true }), t('rolled')]), checks, { reader: cluster, ...fast });
    expect(r.tasks.map((x) => x.outcome)).toEqual(['pass', 'pass']);
    expect(order.indexOf('rolled passed')).toBeLessThan(order.indexOf('negative sampled'));
    expect(r.tasks[0].samples).toBe(2);
  });

  it('fails when the second sample sees the thing appear', async () => {
    const cluster = new FakeCluster({ objects: [realNode] });
    let samples = 0;
    const checks = defineChecks({
      'no-debug-pod': async ({ find }) => {
        if (++samples === 2) cluster.put({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug', namespace: 'lab-90' } });
        const pod = await find('v1', 'Pod', 'debug');
        return [{ path: 'pod/debug', expected: 'absent', found: pod ? 'present' : 'absent', ok: !pod }];
      },
    });
    const r = await grade(lab([t('no-debug-pod', { negative: true })]), checks, { reader: cluster, ...fast });
    expect(r.tasks[0]).toMatchObject({ outcome: 'fail', samples: 2 });
  });
});

describe('skipped tasks', () => {
  it('a task whose dependency did not pass is skipped, with the reason', async () => {
    const cluster = new FakeCluster({ objects: [realNode, cm('a', { mode: 'off' }), cm('b', { mode: 'on' })] });
    let ranB = false;
    const checks = defineChecks({
      a: configCheck('a', 'on'),
      b: async (ctx) => {
        ranB = true;
        return configCheck('b', 'on')(ctx);
      },
    });
    const r = await grade(lab([t('a'), t('b', { dependsOn: ['a'] })]), checks, { reader: cluster, ...fast });
    expect(r.tasks[1]).toMatchObject({ outcome: 'skipped', reason: 'dependency', blockedBy: ['a'], earned: 0 });
    expect(ranB).toBe(false);
    expect(r.score).toEqual({ earned: 0, possible: 2 });
    expect(r.exitCode).toBe(1);
  });

  it('a task that needs real containers is skipped on a simulated cluster and left out of the score', async () => {
    const cluster = new FakeCluster({ objects: [fakeNode, cm('a', { mode: 'on' })] });
    const checks = defineChecks({ a: configCheck('a', 'on'), logs: configCheck('a', 'on') });
    const r = await grade(lab([t('a'), t('logs', { runtime: 'containers', points: 5 })]), checks, { reader: cluster, ...fast });
    expect(r.simulated).toBe(true);
    expect(r.tasks[1]).toMatchObject({ outcome: 'skipped', reason: 'needs-real-nodes', samples: 0 });
    expect(r.score).toEqual({ earned: 1, possible: 1 });
    expect([r.outcome, r.exitCode]).toEqual(['pass', 0]);
  });

  it('the same task is graded on real nodes', async () => {
    const cluster = new FakeCluster({ objects: [realNode, cm('a', { mode: 'on' })] });
    const r = await grade(lab([t('logs', { runtime: 'containers' })]), { logs: configCheck('a', 'on') }, { reader: cluster, ...fast });
    expect(r.tasks[0].outcome).toBe('pass');
  });
});

describe('requests', () => {
  it('identical requests in flight at once are sent once', async () => {
    const cluster = new FakeCluster({ objects: [realNode, cm('a', { mode: 'on' })] });
    const reader = dedupe(cluster);
    const [x, y] = await Promise.all([reader.get('v1', 'ConfigMap', 'a', 'lab-90'), reader.get('v1', 'ConfigMap', 'a', 'lab-90')]);
    expect(x).toEqual(y);
    expect(x).not.toBe(y); // each caller gets its own copy
    expect(cluster.requests.filter((r) => r.startsWith('get'))).toHaveLength(1);
    await reader.get('v1', 'ConfigMap', 'a', 'lab-90');
    expect(cluster.requests.filter((r) => r.startsWith('get'))).toHaveLength(2);
  });

  it('checks read through the lab namespace by default', async () => {
    const cluster = new FakeCluster({ objects: [realNode, cm('a', { mode: 'on' })] });
    await grade(lab([t('a')]), { a: configCheck('a', 'on') }, { reader: cluster, ...fast });
    expect(cluster.requests).toContain('get v1 ConfigMap lab-90/a');
  });
});
