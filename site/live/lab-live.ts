// The lab page's live part (when served by `npm start` with the run's token): lab controls with
// streamed progress, the terminal, and Check, which marks each task in place. On a static site it
// stays hidden and the page keeps its CLI instructions. The layout itself is workspace.ts.
import { checkLab, isLive, labStatus, lifecycle, type StepEvent } from './api.ts';
import { renderProgress, renderResult, type NextLink, type PanelStrings } from './check-panel.ts';

interface Strings extends PanelStrings {
  connecting: string;
  connected: string;
  disconnected: string;
  ended: string;
  clusterDown: string;
  labUp: string;
  labNotUp: string;
  lastCheck: string;
}

async function main(root: HTMLElement): Promise<void> {
  if (!(await isLive())) return;
  const lab = root.dataset.lab!;
  const lang = document.documentElement.lang.startsWith('ko') ? 'ko' : 'en';
  const s = JSON.parse(root.dataset.strings!) as Strings;
  const next = JSON.parse(root.dataset.next!) as NextLink;
  const $ = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  root.querySelector('.wh-static')?.remove();
  root.querySelectorAll<HTMLElement>('.wh-live').forEach((e) => (e.hidden = false));

  const log = $<HTMLElement>('.wh-log');
  const state = $<HTMLElement>('.wh-state');
  const results = $<HTMLElement>('.wh-check-results');
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-action]')];

  const refresh = async () => {
    try {
      const st = await labStatus(lab);
      if (!st.cluster.reachable) state.textContent = s.clusterDown;
      else state.textContent = st.cluster.labsUp.includes(lab) ? s.labUp : s.labNotUp;
      // The cluster kind is chosen only when a cluster is made: once there is one, it is shown.
      const select = root.querySelector<HTMLSelectElement>('select.wh-provider')!;
      select.closest('label')!.hidden = !!st.cluster.provider;
      if (st.progress && !results.childElementCount) renderProgress(root, results, st.progress, s.lastCheck, s, next);
    } catch (e) {
      state.textContent = (e as Error).message;
    }
  };

  const line = (e: StepEvent) => {
    const mark = { step: '…', detail: '  ', done: '✓', failed: '✗', info: '', warn: '!', end: e.ok ? '✓' : '✗' }[e.t];
    log.textContent += `${mark} ${e.text}${e.seconds !== undefined ? ` (${e.seconds} s)` : ''}\n`;
    log.scrollTop = log.scrollHeight;
  };

  let busy = false;
  const check = async () => {
    const button = $<HTMLButtonElement>('button[data-action="check"]');
    button.disabled = true;
    results.setAttribute('aria-busy', 'true');
    try {
      const { result, progress } = await checkLab(lab, lang);
      renderResult(root, results, result, progress, s, next);
    } catch (e) {
      const err = e as Error & { api?: { fix?: string | null } };
      results.textContent = `${err.message}${err.api?.fix ? `\n→ ${err.api.fix}` : ''}`;
    } finally {
      results.removeAttribute('aria-busy');
      button.disabled = false;
    }
  };

  for (const b of buttons) {
    b.addEventListener('click', async () => {
      const action = b.dataset.action!;
      if (action === 'check') return check();
      if (busy) return;
      busy = true;
      buttons.forEach((x) => (x.disabled = true));
      log.hidden = false;
      log.textContent = '';
      try {
        const provider = root.querySelector<HTMLSelectElement>('select.wh-provider')?.value || undefined;
        await lifecycle(lab, action as 'up' | 'reset', lang, line, provider);
      } finally {
        busy = false;
        buttons.forEach((x) => (x.disabled = false));
        void refresh();
      }
    });
  }

  let timer: ReturnType<typeof setInterval> | undefined;
  $<HTMLInputElement>('input.wh-keep').addEventListener('change', (e) => {
    clearInterval(timer);
    if ((e.target as HTMLInputElement).checked) {
      void check();
      timer = setInterval(() => void check(), 5000);
    }
  });

  void refresh();
  const termStatus = $<HTMLElement>('.wh-term-status');
  const { mountTerminal } = await import('./terminal-view.ts');
  const session = mountTerminal($('.wh-terminal'), lab, (st, detail) => {
    const text = { connecting: s.connecting, open: s.connected, closed: s.disconnected, ended: s.ended }[st] ?? st;
    termStatus.textContent = detail ? `${text} — ${detail}` : text;
    $<HTMLButtonElement>('button.wh-new-shell').hidden = st !== 'ended';
  });
  $<HTMLButtonElement>('button.wh-new-shell').addEventListener('click', () => session.restart());
}

const root = document.getElementById('lab-live');
if (root) void main(root);
