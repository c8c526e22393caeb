// Draws the terminal (xterm.js) and hands keystrokes and size changes to the session. Loaded only
// when the page is live, so a static lab page carries none of it.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { TerminalSession } from './terminal-session.ts';

export function mountTerminal(el: HTMLElement, lab: string, onStatus: (s: string, detail?: string) => void): TerminalSession {
  const term = new Terminal({
    cursorBlink: true,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK KR", monospace',
    fontSize: 14,
    scrollback: 5000,
    theme: { background: '#1b1e24', foreground: '#e6e6e6' },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(el);
  fit.fit();
  const session = new TerminalSession(lab, { output: (d) => term.write(d), status: onStatus });
  term.onData((d) => session.input(d));
  term.onResize(({ cols, rows }) => session.resize(cols, rows));
  // A container measured at next to nothing (hidden, or mid-layout during a full-page screenshot) is
  // no size for the shell: at 2 columns bash redraws its prompt upwards over what it printed.
  new ResizeObserver(() => {
    const d = fit.proposeDimensions();
    if (d && d.cols >= 20 && d.rows >= 4) fit.fit();
  }).observe(el);
  session.connect(term.cols, term.rows);
  term.focus();
  return session;
}
