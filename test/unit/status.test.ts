// The status helpers against the cases kubectl's rollout-status, pod readiness and job conditions
// distinguish (kubectl/pkg/polymorphichelpers/rollout_status.go).
import { describe, expect, it } from 'vitest';
import { condition, jobComplete, podReady, podReadyAndUp, rolloutComplete } from '../../checker/index.ts';
import { rolloutState } from '../../checker/checks/status.ts';
import { Phrase } from '../../checker/checks/observation.ts';
import type { KObject } from '../../checker/cluster/types.ts';

const deployment = (spec: Record<string, unknown>, status: Record<string, unknown>, generation = 2): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'lab-07', generation },
  spec: { replicas: 5, ...spec },
  status,
});

const state = (o: KObject) => {
  const s = rolloutState(o);
  return s.state === 'complete' ? ['complete', s.settling] : [s.state.key, s.settling, s.state.params];
};

describe('rolloutComplete: Deployment', () => {
  it.each([
    ['spec change not yet observed', deployment({}, { observedGeneration: 1, replicas: 5, updatedReplicas: 5, availableReplicas: 5 }), ['rolloutSpecNotObserved', true, {}]],
    ['new replicas being created', deployment({}, { observedGeneration: 2, replicas: 5, updatedReplicas: 3, availableReplicas: 5 }), ['rolloutNewReplicas', true, { updated: 3, replicas: 5 }]],
    ['old replicas terminating', deployment({}, { observedGeneration: 2, replicas: 6, updatedReplicas: 5, availableReplicas: 5 }), ['rolloutOldReplicas', true, { old: 1 }]],
    ['updated replicas not available yet', deployment({}, { observedGeneration: 2, replicas: 5, updatedReplicas: 5, availableReplicas: 4 }), ['rolloutAvailable', true, { available: 4, updated: 5 }]],
    ['complete', deployment({}, { observedGeneration: 2, replicas: 5, updatedReplicas: 5, availableReplicas: 5 }), ['complete', false]],
    ['complete, observed generation ahead', deployment({}, { observedGeneration: 3, replicas: 5, updatedReplicas: 5, availableReplicas: 5 }), ['complete', false]],
    [
      'progress deadline exceeded is final',
      deployment({}, { observedGeneration: 2, replicas: 6, updatedReplicas: 1, availableReplicas: 5, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] }),
      ['rolloutDeadlineExceeded', false, {}],
    ],
    ['scaled to zero', deployment({ replicas: 0 }, { observedGeneration: 2 }), ['complete', false]],
  ])('%s', (_name, obj, expected) => {
    expect(state(obj)).toEqual(expected);
  });

  it('returns one observation with the kubectl rollout status command', () => {
    const [o] = rolloutComplete(deployment({}, { observedGeneration: 2, replicas: 5, updatedReplicas: 3 }));
    expect(o.ok).toBe(false);
    expect(o.settling).toBe(true);
    expect(o.kubectl).toBe('kubectl rollout status deployment/web -n lab-07');
    expect(o.found).toBeInstanceOf(Phrase);
    expect(rolloutComplete(undefined)).toEqual([]);
  });
});

describe('rolloutComplete: StatefulSet and DaemonSet', () => {
  const sts = (spec: Record<string, unknown>, status: Record<string, unknown>): KObject => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'lab-08', generation: 1 },
    spec: { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, ...spec },
    status: { observedGeneration: 1, ...status },
  });
  const ds = (spec: Record<string, unknown>, status: Record<string, unknown>): KObject => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'lab-09', generation: 1 },
    spec: { updateStrategy: { type: 'RollingUpdate' }, ...spec },
    status: { observedGeneration: 1, ...status },
  });

  it.each([
    ['sts never observed', sts({}, { observedGeneration: 0 }), ['rolloutSpecNotObserved', true, {}]],
    ['sts pods not ready', sts({}, { readyReplicas: 1, updatedReplicas: 3 }), ['rolloutPodsNotReady', true, { count: 2 }]],
    ['sts partitioned, waiting', sts({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }, { readyReplicas: 3, updatedReplicas: 1 }), ['rolloutPartitioned', true, { updated: 1, total: 2 }]],
    // As kubectl: with rollingUpdate present the revisions are not compared.
    ['sts partition 0, revisions differ', sts({}, { readyReplicas: 3, updatedReplicas: 3, updateRevision: 'b', currentRevision: 'a' }), ['complete', false]],
    ['sts without rollingUpdate, revisions differ', sts({ updateStrategy: { type: 'RollingUpdate' } }, { readyReplicas: 3, updatedReplicas: 2, updateRevision: 'b', currentRevision: 'a' }), ['rolloutRevisionPending', true, { updated: 2, revision: 'b' }]],
    ['sts OnDelete has no rollout status', sts({ updateStrategy: { type: 'OnDelete' } }, {}), ['rolloutNotRollingUpdate', false, {}]],
    ['ds updating', ds({}, { desiredNumberScheduled: 3, updatedNumberScheduled: 1, numberAvailable: 3 }), ['rolloutDaemonUpdated', true, { updated: 1, desired: 3 }]],
    ['ds not available', ds({}, { desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2 }), ['rolloutDaemonAvailable', true, { available: 2, desired: 3 }]],
    ['ds complete', ds({}, { desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 }), ['complete', false]],
    ['ds OnDelete', ds({ updateStrategy: { type: 'OnDelete' } }, {}), ['rolloutNotRollingUpdate', false, {}]],
  ])('%s', (_name, obj, expected) => {
    expect(state(obj)).toEqual(expected);
  });

  it('a kind without rollouts is a clear non-settling failure', () => {
    const [o] = rolloutComplete({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } });
    expect(o.ok).toBe(false);
    expect(o.settling).toBeUndefined();
  });
});

describe('podReady', () => {
  const pod = (phase: string, ready?: string): KObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'lab-02' },
    status: { phase, conditions: ready ? [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: ready }] : [] },
  });

  it('is the Ready condition, not the phase', () => {
    expect(podReady(pod('Running', 'True'))[0].ok).toBe(true);
    const [running] = podReady(pod('Running', 'False'));
    expect([running.ok, running.settling]).toEqual([false, true]);
    const [pending] = podReady(pod('Pending'));
    expect([pending.ok, pending.settling]).toEqual([false, true]);
  });

  it('a container that keeps exiting is not ready, even in the moment it is Ready between restarts', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    const restarted = (restartCount: number, startedAt: string): KObject => {
      const p = pod('Running', 'True');
      p.status.containerStatuses = [{ name: 'web', ready: true, restartCount, state: { running: { startedAt } } }];
      return p;
    };
    const [looping] = podReady(restarted(3, '2026-12-07T09:59:58Z'), now);
    expect([looping.ok, looping.settling, (looping.found as Phrase).key, (looping.found as Phrase).params]).toEqual([false, true, 'podRestarting', { container: 'web', restarts: '3' }]);
    // Restarted once, long ago, and running since: ready.
    expect(podReady(restarted(1, '2026-12-07T09:59:00Z'), now)[0].ok).toBe(true);
    // Never restarted, running for a while: ready.
    expect(podReady(restarted(0, '2026-12-07T09:59:50Z'), now)[0].ok).toBe(true);
  });

  it('podReadyAndUp: a container in its first second is not up yet: one that exits at once looks Ready before its first restart shows', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    const p = pod('Running', 'True');
    p.status.containerStatuses = [{ name: 'web', ready: true, restartCount: 0, state: { running: { startedAt: '2026-12-07T09:59:59Z' } } }];
    const [fresh] = podReadyAndUp(p, now);
    expect([fresh.ok, fresh.settling, (fresh.found as Phrase).key]).toEqual([false, true, 'podJustStarted']);
    // Five seconds on, the same container counts.
    expect(podReadyAndUp(p, now + 5_000)[0].ok).toBe(true);
    // podReady alone (checks graded on simulated nodes too) takes it at once.
    expect(podReady(p, now)[0].ok).toBe(true);
  });

  it('a finished Pod will never be ready: no waiting', () => {
    const [done] = podReady(pod('Succeeded', 'False'));
    expect(done.ok).toBe(false);
    expect(done.settling).toBeUndefined();
    expect((done.found as Phrase).key).toBe('podFinished');
  });
});

describe('jobComplete', () => {
  const job = (conditions: unknown[], succeeded = 0): KObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'lab-10' }, status: { conditions, succeeded } });

  it('passes on Complete, waits while running, stops on Failed', () => {
    expect(jobComplete(job([{ type: 'Complete', status: 'True' }], 5))[0].ok).toBe(true);
    const [running] = jobComplete(job([], 2));
    expect([running.ok, running.settling, (running.found as Phrase).params]).toEqual([false, true, { succeeded: 2 }]);
    const [failed] = jobComplete(job([{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }]));
    expect([failed.ok, failed.settling, (failed.found as Phrase).params]).toEqual([false, undefined, { reason: 'BackoffLimitExceeded' }]);
  });
});

describe('condition', () => {
  const obj = (generation: number, conditions: unknown[], observedGeneration?: number): KObject => ({
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name: 'w', namespace: 'n', generation },
    status: { conditions, ...(observedGeneration === undefined ? {} : { observedGeneration }) },
  });

  it('checks type and status', () => {
    expect(condition(obj(1, [{ type: 'Ready', status: 'True' }]), 'Ready')[0].ok).toBe(true);
    expect(condition(obj(1, [{ type: 'Ready', status: 'False' }]), 'Ready')[0].ok).toBe(false);
    expect(condition(obj(1, [{ type: 'Ready', status: 'False' }]), 'Ready', 'False')[0].ok).toBe(true);
    expect((condition(obj(1, []), 'Ready')[0].found as Phrase).key).toBe('conditionMissing');
  });

  it('refuses a condition written for an older generation (its own observedGeneration)', () => {
    const [o] = condition(obj(3, [{ type: 'Ready', status: 'True', observedGeneration: 2 }]), 'Ready');
    expect(o.ok).toBe(false);
    expect(o.settling).toBe(true);
    expect((o.found as Phrase).params).toEqual({ type: 'Ready', status: 'True', observed: 2, generation: 3 });
  });

  it('falls back to status.observedGeneration', () => {
    expect(condition(obj(3, [{ type: 'Ready', status: 'True' }], 2), 'Ready')[0].ok).toBe(false);
    expect(condition(obj(3, [{ type: 'Ready', status: 'True' }], 3), 'Ready')[0].ok).toBe(true);
  });
});
