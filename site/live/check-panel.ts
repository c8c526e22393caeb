// Shows a check's result as the CLI does: each task with its outcome, what was expected and found,
// the hint and the kubectl command that shows the object.
import type { JsonResult } from './api.ts';

export interface PanelStrings {
  pass: string;
  fail: string;
  error: string;
  skipped: string;
  realNodes: string;
  hint: string;
  score: string;
  checkedAt: string;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

export function renderResult(target: HTMLElement, r: JsonResult, s: PanelStrings): void {
  const word = (t: JsonResult['tasks'][number]) => (t.outcome === 'skipped' && t.reason === 'needs-real-nodes' ? s.realNodes : s[t.outcome]);
  const list = el('ol', { class: 'wh-results' });
  for (const t of r.tasks) {
    const item = el('li', { class: `wh-result wh-${t.outcome}`, 'data-task': t.id, 'data-outcome': t.outcome });
    item.append(el('p', {}, el('span', { class: 'wh-outcome' }, word(t)), ' ', el('strong', {}, t.title), ` (${t.earned}/${t.points})`));
    if (t.outcome !== 'pass') {
      item.append(el('p', { class: 'wh-message' }, t.message));
      const failed = t.observations.filter((o) => !o.ok);
      if (failed.length) {
        const obs = el('ul');
        for (const o of failed) {
          const li = el('li', {}, o.message);
          if (o.kubectl) li.append(el('br'), el('code', {}, o.kubectl));
          obs.append(li);
        }
        item.append(obs);
      }
      if (t.hint) item.append(el('p', { class: 'wh-hint' }, `${s.hint}: `, t.hint));
      if (t.error?.fix) item.append(el('p', { class: 'wh-hint' }, t.error.fix));
    }
    list.append(item);
  }
  const when = new Date(r.startedAt).toLocaleTimeString(r.lang);
  target.replaceChildren(el('p', { class: 'wh-score', 'data-outcome': r.outcome }, `${s.score}: ${r.score.earned}/${r.score.possible} · ${s.checkedAt} ${when}`), list);
}
