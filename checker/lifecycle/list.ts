// `lab list`: the labs with their titles in both languages (or the one asked for), the module,
// the time they take, and which need real nodes for some tasks (graded on kind only).
import type { LoadedLab } from '../lab/load.ts';
import type { Localized } from '../lab/schema.ts';
import { say, type Lang } from '../core/i18n.ts';

export const LIST_VERSION = 'wheelhouse.labs/v1';

export interface LabRow {
  id: string;
  module: number;
  minutes: number;
  title: Localized;
  summary: Localized;
  folder: string;
  tasks: number;
  /** Tasks with runtime: containers — skipped on the simulated cluster. */
  realNodeTasks: string[];
  needsRealNodes: boolean;
}

export function labRows(labs: LoadedLab[]): LabRow[] {
  return labs.map((l) => {
    const real = l.tasks.filter((t) => t.runtime === 'containers').map((t) => t.id);
    return { id: l.id, module: l.module, minutes: l.minutes, title: l.title, summary: l.summary, folder: l.folder, tasks: l.tasks.length, realNodeTasks: real, needsRealNodes: real.length > 0 };
  });
}

export function listJson(rows: LabRow[]): { version: string; labs: LabRow[] } {
  return { version: LIST_VERSION, labs: rows };
}

/**
 * One line per lab, titles in `titles` (both by default: the Korean title under the English one).
 * `lang` is the language of the header and the notes.
 */
export function renderList(rows: LabRow[], lang: Lang, titles: Lang[] = ['en', 'ko']): string {
  const [h1, h2, h3, h4] = say(lang, 'listHeader', {}).split('\t');
  const w = [Math.max(displayWidth(h1), 6), Math.max(displayWidth(h2), 2), Math.max(displayWidth(h3), 3)];
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - displayWidth(s) + 2));
  const indent = ' '.repeat(w[0] + 2 + w[1] + 2 + w[2] + 2);
  const lines = [pad(h1, w[0]) + pad(h2, w[1]) + pad(h3, w[2]) + h4];
  for (const r of rows) {
    lines.push(pad(r.id, w[0]) + pad(String(r.module), w[1]) + pad(String(r.minutes), w[2]) + r.title[titles[0]]);
    for (const extra of titles.slice(1)) lines.push(indent + r.title[extra]);
    if (r.needsRealNodes) lines.push(`${indent}◐ ${say(lang, 'listNeedsRealNodes', { count: r.realNodeTasks.length, total: r.tasks })}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Columns line up in a terminal: Hangul takes two cells. */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return n;
}
