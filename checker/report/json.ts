// The machine-readable result: `npm run check -- lab-07 --json`. The format is versioned
// (`version`); fields are only ever added within a version. Documented in checker/README.md.
import type { Lang } from '../core/i18n.ts';
import { subjectName } from '../checks/kubectl.ts';
import type { Subject } from '../checks/observation.ts';
import type { GradeResult, Outcome, SkipReason } from '../engine/grade.ts';
import { errorFix, jsonValue, observationMessage, taskSummary, taskText } from './words.ts';

export const RESULT_VERSION = 'wheelhouse.check/v1';

export interface JsonObservation {
  subject: string | null;
  object: { apiVersion: string; kind: string; name?: string; namespace?: string; labelSelector?: string } | null;
  path: string;
  expected: unknown;
  found: unknown;
  ok: boolean;
  settling: boolean;
  message: string;
  kubectl: string | null;
}

export interface JsonTask {
  id: string;
  ref: string;
  title: string;
  outcome: Outcome;
  reason: SkipReason | null;
  blockedBy: string[];
  points: number;
  earned: number;
  message: string;
  hint: string | null;
  error: { code: string; message: string; fix: string | null } | null;
  observations: JsonObservation[];
  samples: number;
  durationMs: number;
}

export interface JsonResult {
  version: typeof RESULT_VERSION;
  lab: { id: string; title: string; namespace: string; module: number };
  lang: Lang;
  startedAt: string;
  durationMs: number;
  cluster: { server: string; version: string; simulated: boolean };
  outcome: 'pass' | 'fail' | 'error';
  exitCode: 0 | 1 | 2;
  score: { earned: number; possible: number };
  counts: Record<Outcome, number>;
  tasks: JsonTask[];
}

function objectOf(subject: Subject | undefined): JsonObservation['object'] {
  if (!subject || 'label' in subject) return null;
  const { apiVersion, kind, namespace } = subject;
  return 'list' in subject ? { apiVersion, kind, namespace, labelSelector: subject.labelSelector } : { apiVersion, kind, name: subject.name, namespace };
}

export function toJson(result: GradeResult, lang: Lang): JsonResult {
  const counts: Record<Outcome, number> = { pass: 0, fail: 0, error: 0, skipped: 0 };
  for (const t of result.tasks) counts[t.outcome]++;
  const ms = (n: number) => Math.round(n);
  return {
    version: RESULT_VERSION,
    lab: { id: result.lab.id, title: result.lab.title[lang], namespace: result.lab.namespace, module: result.lab.module },
    lang,
    startedAt: result.startedAt.toISOString(),
    durationMs: ms(result.durationMs),
    cluster: { server: result.server, version: result.serverVersion, simulated: result.simulated },
    outcome: result.outcome,
    exitCode: result.exitCode,
    score: result.score,
    counts,
    tasks: result.tasks.map((t) => {
      const task = taskText(result.lab, t.id);
      return {
        id: t.id,
        ref: `${result.lab.id}.${t.id}`,
        title: task.title[lang],
        outcome: t.outcome,
        reason: t.reason ?? null,
        blockedBy: t.blockedBy ?? [],
        points: t.points,
        earned: t.earned,
        message: taskSummary(t, lang),
        hint: t.outcome === 'fail' ? task.hint[lang] : null,
        error: t.error ? { code: t.error.code, message: t.error.message, fix: errorFix(t.error.code, lang, result.lab.id) ?? null } : null,
        observations: t.observations.map((o) => ({
          subject: o.subject ? subjectName(o.subject) : null,
          object: objectOf(o.subject),
          path: o.path,
          expected: jsonValue(o.expected, lang),
          found: jsonValue(o.found, lang),
          ok: o.ok,
          settling: o.settling ?? false,
          message: observationMessage(o, lang, true),
          kubectl: o.kubectl ?? null,
        })),
        samples: t.samples,
        durationMs: ms(t.durationMs),
      };
    }),
  };
}

/** The JSON printed when grading could not start (no cluster, bad lab): same version, no tasks. */
export function errorJson(code: string, message: string, exitCode: 2 | 64, lang: Lang, labId?: string) {
  return { version: RESULT_VERSION, lang, outcome: 'error' as const, exitCode, error: { code, message, fix: errorFix(code, lang, labId) ?? null }, tasks: [] };
}

