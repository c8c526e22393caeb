// The lab page's layout (issue 17): the divider between tasks and terminal (drag it, or focus it and
// use the arrow keys), the Tasks / Terminal tabs that replace the split on a phone, and two shortcuts
// a shell does not use: Alt+Enter presses Check, F6 moves focus between the panes. The shortcuts are
// caught before the terminal sees them (capture phase), so xterm never turns them into input.

const SPLIT_KEY = 'wheelhouse-split';
const MIN = 20;
const MAX = 75;

function setupDivider(root: HTMLElement): void {
  const split = root.querySelector<HTMLElement>('.wh-split')!;
  const divider = root.querySelector<HTMLElement>('.wh-divider')!;
  const set = (pct: number, keep = true) => {
    const v = Math.round(Math.min(MAX, Math.max(MIN, pct)));
    split.style.setProperty('--wh-split', `${v}%`);
    divider.setAttribute('aria-valuenow', String(v));
    if (keep) localStorage.setItem(SPLIT_KEY, String(v));
  };
  const saved = Number(localStorage.getItem(SPLIT_KEY));
  if (saved) set(saved, false);
  const current = () => Number(divider.getAttribute('aria-valuenow'));

  divider.addEventListener('pointerdown', (e) => {
    divider.setPointerCapture(e.pointerId);
    divider.classList.add('wh-dragging');
    e.preventDefault();
  });
  divider.addEventListener('pointermove', (e) => {
    if (!divider.hasPointerCapture(e.pointerId)) return;
    const box = split.getBoundingClientRect();
    set(((e.clientX - box.left) / box.width) * 100);
  });
  const end = (e: PointerEvent) => {
    if (divider.hasPointerCapture(e.pointerId)) divider.releasePointerCapture(e.pointerId);
    divider.classList.remove('wh-dragging');
  };
  divider.addEventListener('pointerup', end);
  divider.addEventListener('pointercancel', end);
  divider.addEventListener('keydown', (e) => {
    const step = e.shiftKey ? 10 : 2;
    const to = { ArrowLeft: current() - step, ArrowRight: current() + step, Home: MIN, End: MAX }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    set(to);
  });
}

function setupTabs(root: HTMLElement): (name: 'tasks' | 'terminal') => void {
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const select = (name: 'tasks' | 'terminal') => {
    root.dataset.tab = name;
    for (const tab of tabs) {
      const on = tab.getAttribute('aria-controls') === `wh-pane-${name}`;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    }
  };
  const nameOf = (tab: HTMLElement) => (tab.getAttribute('aria-controls') === 'wh-pane-terminal' ? 'terminal' : 'tasks');
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(nameOf(tab)));
    tab.addEventListener('keydown', (e) => {
      const to = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      const target = tabs[(to + tabs.length) % tabs.length];
      select(nameOf(target));
      target.focus();
    });
  });
  return select;
}

function focusPane(root: HTMLElement, name: 'tasks' | 'terminal'): void {
  if (name === 'terminal') {
    // The terminal's own input when it is there; the pane itself on a static page.
    const input = root.querySelector<HTMLElement>('.wh-terminal:not([hidden]) textarea');
    (input ?? root.querySelector<HTMLElement>('#wh-pane-terminal')!).focus();
  } else root.querySelector<HTMLElement>('#wh-pane-tasks')!.focus();
}

function setup(root: HTMLElement): void {
  setupDivider(root);
  const select = setupTabs(root);
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && e.altKey && !e.ctrlKey && !e.metaKey) {
        const check = root.querySelector<HTMLButtonElement>('button[data-action="check"]');
        e.preventDefault();
        e.stopPropagation();
        if (check && !check.closest('[hidden]') && !check.disabled) check.click();
      } else if (e.key === 'F6' && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        e.stopPropagation();
        const inTerminal = !!document.activeElement?.closest('#wh-pane-terminal');
        const to = inTerminal ? 'tasks' : 'terminal';
        select(to);
        focusPane(root, to);
      }
    },
    { capture: true },
  );
}

const root = document.getElementById('lab-live');
if (root) setup(root);
