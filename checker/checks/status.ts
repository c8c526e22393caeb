// Status helpers that decide as kubectl decides, so "passes here" means "kubectl agrees":
// - rolloutComplete follows `kubectl rollout status` (kubectl/pkg/polymorphichelpers/rollout_status.go)
//   for Deployments, StatefulSets and DaemonSets;
// - podReady is the Ready condition (kubectl's podutils.IsPodReady);
// - jobComplete is the Complete condition; Failed is final (kubectl wait --for=condition=complete);
// - condition() also refuses a condition written for an older generation of the object.
// Each returns one Observation, marked settling while controllers may still change the answer.
import type { KObject } from '../cluster/types.ts';
import { getCommand, rolloutStatusCommand } from './kubectl.ts';
import { subjectOf } from './match.ts';
import { phrase, type Observation, type Phrase } from './observation.ts';

interface Condition {
  type: string;
  status: string;
  reason?: string;
  observedGeneration?: number;
}

function conditions(obj: KObject): Condition[] {
  return Array.isArray(obj.status?.conditions) ? obj.status.conditions : [];
}

function findCondition(obj: KObject, type: string): Condition | undefined {
  return conditions(obj).find((c) => c.type === type);
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/** The rollout of a Deployment, StatefulSet or DaemonSet is complete, by kubectl's rules. */
export function rolloutComplete(obj: KObject | undefined): Observation[] {
  if (!obj) return [];
  const { state, settling } = rolloutState(obj);
  const subject = subjectOf(obj);
  const done = state === 'complete';
  return [
    {
      subject,
      path: 'status',
      expected: phrase('rolloutComplete'),
      found: done ? phrase('rolloutComplete') : state,
      ok: done,
      ...(settling ? { settling: true } : {}),
      kubectl: rolloutStatusCommand(subject),
    },
  ];
}

/** kubectl's rollout status decision: 'complete' or what it is waiting for. */
export function rolloutState(obj: KObject): { state: 'complete' | Phrase; settling: boolean } {
  const generation = num(obj.metadata.generation);
  const status = obj.status ?? {};
  const observed = num(status.observedGeneration);
  const waiting = (p: Phrase) => ({ state: p, settling: true });

  switch (obj.kind) {
    case 'Deployment': {
      if (generation > observed) return waiting(phrase('rolloutSpecNotObserved'));
      const progressing = findCondition(obj, 'Progressing');
      if (progressing?.reason === 'ProgressDeadlineExceeded') return { state: phrase('rolloutDeadlineExceeded'), settling: false };
      const replicas = obj.spec?.replicas;
      const updated = num(status.updatedReplicas);
      if (typeof replicas === 'number' && updated < replicas) return waiting(phrase('rolloutNewReplicas', { updated, replicas }));
      if (num(status.replicas) > updated) return waiting(phrase('rolloutOldReplicas', { old: num(status.replicas) - updated }));
      if (num(status.availableReplicas) < updated) return waiting(phrase('rolloutAvailable', { available: num(status.availableReplicas), updated }));
      return { state: 'complete', settling: false };
    }
    case 'StatefulSet': {
      const strategy = obj.spec?.updateStrategy;
      if (strategy?.type && strategy.type !== 'RollingUpdate') return { state: phrase('rolloutNotRollingUpdate'), settling: false };
      if (observed === 0 || generation > observed) return waiting(phrase('rolloutSpecNotObserved'));
      const replicas = obj.spec?.replicas;
      if (typeof replicas === 'number' && num(status.readyReplicas) < replicas) return waiting(phrase('rolloutPodsNotReady', { count: replicas - num(status.readyReplicas) }));
      // As kubectl: with rollingUpdate set (the API server defaults it, partition 0), the partition
      // decides and the revisions are not compared.
      if (strategy?.rollingUpdate) {
        const partition = strategy.rollingUpdate.partition;
        if (typeof replicas === 'number' && typeof partition === 'number' && num(status.updatedReplicas) < replicas - partition) {
          return waiting(phrase('rolloutPartitioned', { updated: num(status.updatedReplicas), total: replicas - partition }));
        }
        return { state: 'complete', settling: false };
      }
      if (status.updateRevision !== status.currentRevision) {
        return waiting(phrase('rolloutRevisionPending', { updated: num(status.updatedReplicas), revision: String(status.updateRevision ?? '') }));
      }
      return { state: 'complete', settling: false };
    }
    case 'DaemonSet': {
      if (obj.spec?.updateStrategy?.type && obj.spec.updateStrategy.type !== 'RollingUpdate') return { state: phrase('rolloutNotRollingUpdate'), settling: false };
      if (generation > observed) return waiting(phrase('rolloutSpecNotObserved'));
      const desired = num(status.desiredNumberScheduled);
      if (num(status.updatedNumberScheduled) < desired) return waiting(phrase('rolloutDaemonUpdated', { updated: num(status.updatedNumberScheduled), desired }));
      if (num(status.numberAvailable) < desired) return waiting(phrase('rolloutDaemonAvailable', { available: num(status.numberAvailable), desired }));
      return { state: 'complete', settling: false };
    }
    default:
      return { state: phrase('rolloutUnsupported', { kind: obj.kind }), settling: false };
  }
}

/** The Pod's Ready condition is True. A Pod that has finished (Succeeded or Failed) will never be ready. */
/**
 * A container that restarted and has run for less than this is not yet counted as ready: one that
 * exits at once (a shell with no terminal, a wrong command) is Ready for a moment between restarts.
 */
export const STABLE_AFTER_RESTART_MS = 20_000;
/**
 * For podReadyAndUp: a container in its first run counts once it has run this long. One that exits
 * at once is Running and Ready for a moment before its first restart is even reported (lab-02's
 * shell-args near miss, graded right after it was made, passed on kind).
 */
export const STABLE_FIRST_RUN_MS = 5_000;

export function podReady(pod: KObject | undefined, now = Date.now(), firstRunMs = 0): Observation[] {
  if (!pod) return [];
  const ready = findCondition(pod, 'Ready');
  const phase = String(pod.status?.phase ?? 'Pending');
  // How long each container has run since its last start (NaN when it is not running).
  const containers = ((pod.status?.containerStatuses ?? []) as { name: string; restartCount?: number; state?: { running?: { startedAt?: string } } }[]).map((c) => ({
    name: c.name,
    restarts: c.restartCount ?? 0,
    ranMs: now - Date.parse(String(c.state?.running?.startedAt ?? '')),
  }));
  const restarting = containers.find((c) => c.restarts > 0 && !(c.ranMs >= STABLE_AFTER_RESTART_MS));
  const fresh = restarting || !firstRunMs ? undefined : containers.find((c) => c.restarts === 0 && !(c.ranMs >= firstRunMs));
  const ok = ready?.status === 'True' && !restarting && !fresh;
  const finished = phase === 'Succeeded' || phase === 'Failed';
  const subject = subjectOf(pod);
  return [
    {
      subject,
      path: 'status.conditions[Ready]',
      expected: phrase('podReady'),
      found: ok
        ? phrase('podReady')
        : finished
          ? phrase('podFinished', { phase })
          : ready?.status === 'True' && restarting
            ? phrase('podRestarting', { container: restarting.name, restarts: String(restarting.restarts) })
            : ready?.status === 'True' && fresh
              ? phrase('podJustStarted', { container: fresh.name })
              : phrase('podNotReady', { phase }),
      ok,
      ...(!ok && !finished ? { settling: true } : {}),
      kubectl: getCommand(subject),
    },
  ];
}

/**
 * podReady for a task about a container that must stay up (a real-node task, graded with time to
 * spare): a container in its first run also has to have run STABLE_FIRST_RUN_MS. Not for checks
 * graded on simulated nodes, whose containers never exit.
 */
export function podReadyAndUp(pod: KObject | undefined, now = Date.now()): Observation[] {
  return podReady(pod, now, STABLE_FIRST_RUN_MS);
}

/** The Job has the Complete condition. A Failed condition is final: no point waiting. */
export function jobComplete(job: KObject | undefined): Observation[] {
  if (!job) return [];
  const subject = subjectOf(job);
  const complete = findCondition(job, 'Complete')?.status === 'True';
  const failed = findCondition(job, 'Failed');
  const isFailed = failed?.status === 'True';
  return [
    {
      subject,
      path: 'status.conditions[Complete]',
      expected: phrase('jobComplete'),
      found: complete
        ? phrase('jobComplete')
        : isFailed
          ? phrase('jobFailed', { reason: failed?.reason ?? 'Failed' })
          : phrase('jobRunning', { succeeded: num(job.status?.succeeded) }),
      ok: complete,
      ...(!complete && !isFailed ? { settling: true } : {}),
      kubectl: getCommand(subject, ['status', 'conditions']),
    },
  ];
}

/**
 * The object has condition `type` with `status` (default "True"), written for its current
 * generation: a condition's own observedGeneration, else status.observedGeneration, must not be
 * older than metadata.generation — otherwise it describes a spec that no longer exists.
 */
export function condition(obj: KObject | undefined, type: string, status: 'True' | 'False' | 'Unknown' = 'True'): Observation[] {
  if (!obj) return [];
  const subject = subjectOf(obj);
  const c = findCondition(obj, type);
  const generation = obj.metadata.generation;
  const observed = c?.observedGeneration ?? obj.status?.observedGeneration;
  const stale = c !== undefined && typeof generation === 'number' && typeof observed === 'number' && observed < generation;
  const ok = c?.status === status && !stale;
  return [
    {
      subject,
      path: `status.conditions[${type}]`,
      expected: phrase('conditionIs', { type, status }),
      found: !c
        ? phrase('conditionMissing', { type })
        : stale
          ? phrase('conditionStale', { type, status: c.status, observed: observed!, generation: generation! })
          : phrase('conditionIs', { type, status: c.status }),
      ok,
      // Conditions are written by controllers: a wrong or missing one may still change.
      ...(!ok ? { settling: true } : {}),
      kubectl: getCommand(subject, ['status', 'conditions']),
    },
  ];
}
