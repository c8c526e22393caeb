// Shows a check's result in place: each task of the page gets its outcome beside its title and, when
// it does not pass, what was expected and found (with the kubectl command that shows the object) under
// its text; the score, and the next lab once every task passes, go above the tasks.
import type { JsonResult, LabProgress } from './api.ts';

export interface PanelStrings {
  pass: string;
  fail: string;
  error: string;
  skipped: string;
  realNodes: string;
  score: string;
  checkedAt: string;
  allPass: string;
}

export interface NextLink {
  href: string;
  text: string;
}

type Outcome = JsonResult['tasks'][number]['outcome'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

const MARKS: Record<string, string> = { pass: '✓', fail: '✗', error: '!', skipped: '–', 'real-nodes': '◇' };

/** Marks one task of the page (its outcome beside the title); returns the task's result slot. */
function markTask(root: HTMLElement, id: string, outcome: Outcome, realNodes: boolean, s: PanelStrings): HTMLElement | undefined {
  const item = root.querySelector<HTMLElement>(`li.wh-task[data-task="${CSS.escape(id)}"]`);
  if (!item) return undefined;
  item.dataset.outcome = outcome;
  item.classList.toggle('wh-real-nodes', realNodes);
  item.querySelector('.wh-task-mark')!.textContent = MARKS[realNodes ? 'real-nodes' : outcome];
  const word = item.querySelector<HTMLElement>('.wh-task-outcome')!;
  // A container task skipped on simulated nodes already carries the "needs real nodes" badge.
  word.textContent = realNodes ? '' : s[outcome];
  word.className = `wh-task-outcome wh-outcome-${outcome}`;
  const slot = item.querySelector<HTMLElement>('.wh-task-result')!;
  slot.replaceChildren();
  slot.hidden = true;
  return slot;
}

function summary(root: HTMLElement, target: HTMLElement, score: string, text: string, outcome: string, done: boolean, s: PanelStrings, next: NextLink): void {
  // On a phone the Terminal tab hides the tasks: their tab shows the score.
  const tab = root.querySelector<HTMLElement>('.wh-tab-score');
  if (tab) tab.textContent = score;
  const line = el('p', { class: 'wh-score', 'data-outcome': outcome }, text);
  if (!done) return target.replaceChildren(line);
  target.replaceChildren(line, el('p', { class: 'wh-done' }, `${s.allPass} `, el('a', { href: next.href, class: 'wh-next' }, next.text)));
}

export function renderResult(root: HTMLElement, target: HTMLElement, r: JsonResult, progress: LabProgress | undefined, s: PanelStrings, next: NextLink): void {
  for (const t of r.tasks) {
    const realNodes = t.outcome === 'skipped' && t.reason === 'needs-real-nodes';
    const slot = markTask(root, t.id, t.outcome, realNodes, s);
    if (!slot || t.outcome === 'pass' || realNodes) continue;
    const failed = t.observations.filter((o) => !o.ok);
    // The task's message is often its one failed observation's: say it once.
    if (!failed.some((o) => o.message === t.message)) slot.append(el('p', { class: 'wh-message' }, t.message));
    if (failed.length) {
      const obs = el('ul');
      for (const o of failed) {
        const li = el('li', {}, o.message);
        if (o.kubectl) li.append(el('br'), el('code', {}, o.kubectl));
        obs.append(li);
      }
      slot.append(obs);
    }
    if (t.error?.fix) slot.append(el('p', { class: 'wh-fix' }, t.error.fix));
    slot.hidden = false;
  }
  const when = new Date(r.startedAt).toLocaleTimeString(r.lang);
  const graded = r.tasks.filter((t) => !(t.outcome === 'skipped' && t.reason === 'needs-real-nodes'));
  const done = progress?.done ?? (graded.length > 0 && graded.every((t) => t.outcome === 'pass'));
  const score = `${r.score.earned}/${r.score.possible}`;
  summary(root, target, score, `${s.score}: ${score} · ${s.checkedAt} ${when}`, r.outcome, done, s, next);
}

/** The last check kept by the server (outcomes only), shown when the page opens. */
export function renderProgress(root: HTMLElement, target: HTMLElement, p: LabProgress, lastCheck: string, s: PanelStrings, next: NextLink): void {
  for (const [id, task] of Object.entries(p.tasks)) {
    const outcome = task.outcome as Outcome;
    const badge = root.querySelector(`li.wh-task[data-task="${CSS.escape(id)}"] .wh-badge`);
    markTask(root, id, outcome, outcome === 'skipped' && !!badge, s);
  }
  summary(root, target, `${p.score}/${p.total}`, `${lastCheck}: ${p.score}/${p.total}`, p.done ? 'pass' : 'fail', p.done, s, next);
}
