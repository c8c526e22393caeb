// The report a learner reads in the terminal: one line per task (✓ pass, ✗ fail, ! error,
// – skipped), and under each task that did not pass what was expected, what was found, the
// command that shows it and the hint. --verbose adds passing observations and full values.
import { styleText } from 'node:util';
import { say, type Lang } from '../core/i18n.ts';
import type { GradeResult, Outcome, TaskResult } from '../engine/grade.ts';
import { errorFix, errorMessage, observationMessage, taskText } from './words.ts';

export interface TextOptions {
  lang: Lang;
  verbose?: boolean;
  color?: boolean;
}

const marks: Record<Outcome, string> = { pass: '✓', fail: '✗', error: '!', skipped: '–' };
const colors: Record<Outcome, Parameters<typeof styleText>[0]> = { pass: 'green', fail: 'red', error: 'yellow', skipped: 'gray' };
const MAX_FAILURES = 5;

export function renderText(result: GradeResult, opts: TextOptions): string {
  const { lang, verbose = false } = opts;
  const paint = (format: Parameters<typeof styleText>[0], text: string) => (opts.color ? styleText(format, text, { validateStream: false }) : text);
  const width = Math.max(...result.tasks.map((t) => t.id.length));
  const out: string[] = [];

  out.push(paint('bold', `${result.lab.id} · ${result.lab.title[lang]}`));
  out.push(
    paint(
      'dim',
      say(lang, 'clusterLine', { server: result.server, version: result.serverVersion, kind: say(lang, result.simulated ? 'simulated' : 'realNodes') }),
    ),
  );
  out.push('');

  for (const t of result.tasks) {
    const task = taskText(result.lab, t.id);
    const points = t.reason === 'needs-real-nodes' ? '' : `  ${say(lang, 'points', { earned: t.earned, possible: t.points })}`;
    out.push(`${paint(colors[t.outcome], marks[t.outcome])} ${paint('bold', t.id.padEnd(width))}  ${task.title[lang]}${paint('dim', points)}`);
    for (const line of details(t, result, opts)) out.push(`    ${line}`);
    if (t.outcome === 'fail') out.push(`    ${paint('cyan', `${say(lang, 'hint')}:`)} ${task.hint[lang]}`);
  }

  const counts = { pass: 0, fail: 0, error: 0, skipped: 0 };
  for (const t of result.tasks) counts[t.outcome]++;
  out.push('');
  const score = say(lang, 'score', result.score);
  const line = `${score} · ${say(lang, 'summary', counts)}`;
  out.push(paint('bold', result.outcome === 'pass' ? `${line}\n${say(lang, 'allPassed')}` : line));
  if (verbose) out.push(paint('dim', `${Math.round(result.durationMs)} ms`));
  return `${out.join('\n')}\n`;

  function details(t: TaskResult, r: GradeResult, o: TextOptions): string[] {
    const lines: string[] = [];
    if (t.reason === 'needs-real-nodes') return [paint('dim', say(lang, 'skippedNeedsRealNodes'))];
    if (t.reason === 'dependency') return [paint('dim', say(lang, 'skippedDependency', { tasks: (t.blockedBy ?? []).join(', ') }))];
    if (t.error) {
      lines.push(paint('yellow', errorMessage(t.id, t.error, lang)));
      const fix = errorFix(t.error.code, lang, r.lab.id);
      if (fix) lines.push(`→ ${fix}`);
      if (o.verbose && t.error.stack) lines.push(...t.error.stack.split('\n').map((l) => paint('dim', l)));
      return lines;
    }
    const shown = o.verbose ? t.observations : t.observations.filter((x) => !x.ok);
    for (const obs of shown.slice(0, o.verbose ? undefined : MAX_FAILURES)) {
      const text = observationMessage(obs, lang, o.verbose);
      lines.push(o.verbose ? `${obs.ok ? paint('green', '✓') : paint('red', '✗')} ${text}` : text);
      if (!obs.ok && obs.kubectl) lines.push(paint('dim', `  $ ${obs.kubectl}`));
    }
    if (!o.verbose && shown.length > MAX_FAILURES) lines.push(paint('dim', say(lang, 'andMore', { count: shown.length - MAX_FAILURES })));
    return lines;
  }
}

/** Colour only for a terminal that wants it: NO_COLOR wins, FORCE_COLOR forces, else a TTY with colours. */
export function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && (stream.hasColors?.() ?? false);
}
