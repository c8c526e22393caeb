// lab-07's checks against fixture states: the start fails every API task, the solved state passes
// them all, and a near miss fails the task it should — before any cluster is involved.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../checker/lab/load.ts';
import { loadChecks } from '../../checker/checks/define.ts';
import { FakeCluster } from '../support/fake-cluster.ts';
import { grade } from '../../checker/engine/grade.ts';
import { realNode, solvedState, startState, undoneTooFarState } from '../fixtures/lab-07-states.ts';

const lab = await loadLab('lab-07');
const checks = await loadChecks(lab);
const run = (objects: ReturnType<typeof startState>) => grade(lab, checks, { reader: new FakeCluster({ objects }), intervalMs: 5, deadlineMs: 200 });
const outcomes = (r: Awaited<ReturnType<typeof run>>) => Object.fromEntries(r.tasks.map((t) => [t.id, t.reason ? `${t.outcome}:${t.reason}` : t.outcome]));

describe('lab-07 checks', () => {
  it('the starting state fails every task (skipping what depends on a failure)', async () => {
    expect(outcomes(await run(startState()))).toEqual({
      'web-scaled': 'fail',
      'rollout-strategy': 'fail',
      'image-updated': 'fail',
      'rolled-back': 'skipped:dependency',
      'all-available': 'skipped:needs-real-nodes',
    });
  });

  it('the solved state passes every API task on the simulated cluster', async () => {
    const r = await run(solvedState());
    expect(outcomes(r)).toEqual({ 'web-scaled': 'pass', 'rollout-strategy': 'pass', 'image-updated': 'pass', 'rolled-back': 'pass', 'all-available': 'skipped:needs-real-nodes' });
    expect(r.score).toEqual({ earned: 8, possible: 8 });
    expect(r.exitCode).toBe(0);
  });

  it('on real nodes the container task is graded too', async () => {
    const r = await run(solvedState(realNode));
    expect(r.tasks.find((t) => t.id === 'all-available')?.outcome).toBe('pass');
    expect(r.score).toEqual({ earned: 10, possible: 10 });
  });

  it('undoing to revision 1 fails rolled-back with the image it found', async () => {
    const r = await run(undoneTooFarState());
    const task = r.tasks.find((t) => t.id === 'rolled-back')!;
    expect(task.outcome).toBe('fail');
    expect(task.observations.filter((o) => !o.ok).map((o) => [o.path, o.expected, o.found])).toEqual([
      ['spec.template.spec.containers[web].image', 'nginx:1.27', 'nginx:1.26'],
      ['newest revision (4 or more: the nginx:1.27 ReplicaSet from before nginx:1.27-nope, taken back)', 'nginx:1.27, revision >= 4, earlier revision < 3', 'web-a1 (revision 5: nginx:1.26), earlier revisions: 1'],
    ]);
    expect(r.tasks.filter((t) => t.outcome === 'fail').map((t) => t.id)).toEqual(['rolled-back']);
  });

  it('a missing Deployment is "not found yet" for each task that reads it', async () => {
    const r = await run([startState()[0]]);
    const first = r.tasks[0].observations[0];
    expect(first.kubectl).toBe('kubectl get deployment web -n lab-07');
    expect(r.tasks.slice(0, 3).every((t) => t.outcome === 'fail')).toBe(true);
  });
});
