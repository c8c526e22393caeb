// Wording shared by the reporters: values, observations, errors and task lines in one language.
import { say, type Lang } from '../core/i18n.ts';
import { Phrase, type Observation } from '../checks/observation.ts';
import { subjectName } from '../checks/kubectl.ts';
import type { TaskError, TaskResult } from '../engine/grade.ts';
import type { Lab } from '../lab/schema.ts';

const SHORT = 60;

/** A value as a learner reads it: 5, nginx:1.27, {"app":"web"}, "nothing". */
export function showValue(value: unknown, lang: Lang, verbose = false): string {
  if (value instanceof Phrase) return say(lang, value.key, value.params);
  if (value === undefined || value === null) return say(lang, 'nothing');
  if (typeof value === 'string') return value === '' || value.trim() !== value ? JSON.stringify(value) : value;
  if (typeof value !== 'object') return String(value);
  const text = JSON.stringify(value);
  return verbose || text.length <= SHORT ? text : `${text.slice(0, SHORT - 1)}…`;
}

/** A value for JSON output: phrases become text, everything else stays data. */
export function jsonValue(value: unknown, lang: Lang): unknown {
  if (value instanceof Phrase) return say(lang, value.key, value.params);
  return value === undefined ? null : value;
}

/** "deployment/web spec.replicas: expected 5, found 3" — or "deployment/web: not found yet". */
export function observationMessage(o: Observation, lang: Lang, verbose = false): string {
  const who = o.subject ? subjectName(o.subject) : '';
  if (o.found instanceof Phrase && o.found.key === 'notFoundYet') return `${who}: ${say(lang, 'notFoundYet')}`;
  const expected = showValue(o.expected, lang, verbose);
  const found = showValue(o.found, lang, verbose);
  if (!o.path) return `${who}: ${say(lang, 'subjectExpectedFound', { expected, found })}`;
  return say(lang, 'expectedFound', { path: who ? `${who} ${o.path}` : o.path, expected, found });
}

const fixes = {
  'no-kubeconfig': 'fixNoKubeconfig',
  'bad-kubeconfig': 'fixBadKubeconfig',
  unreachable: 'fixUnreachable',
  timeout: 'fixTimeout',
  unauthorized: 'fixUnauthorized',
  forbidden: 'fixForbidden',
  server: 'fixServer',
} as const;

/** What to do about an error, or undefined when there is nothing the learner can do. */
export function errorFix(code: string, lang: Lang, labId?: string): string | undefined {
  const key = fixes[code as keyof typeof fixes];
  if (!key) return undefined;
  const text = say(lang, key);
  return labId ? text.replaceAll('LAB', labId) : text;
}

export function errorMessage(task: string, error: TaskError, lang: Lang): string {
  if (error.code === 'check-crashed' || error.code === 'no-observations') return say(lang, 'errorCheckCrashed', { task, message: error.message });
  return say(lang, 'errorCluster', { message: error.message });
}

/** The one line that says why a task did not pass (the first failing observation, the error or the skip reason). */
export function taskSummary(task: TaskResult, lang: Lang): string {
  if (task.outcome === 'pass') return say(lang, 'outcomePass');
  if (task.reason === 'needs-real-nodes') return say(lang, 'skippedNeedsRealNodes');
  if (task.reason === 'dependency') return say(lang, 'skippedDependency', { tasks: (task.blockedBy ?? []).join(', ') });
  if (task.error) return errorMessage(task.id, task.error, lang);
  const first = task.observations.find((o) => !o.ok);
  return first ? observationMessage(first, lang) : say(lang, 'outcomeFail');
}

export function taskText(lab: Lab, id: string): Lab['tasks'][number] {
  return lab.tasks.find((t) => t.id === id)!;
}
