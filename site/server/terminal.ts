// Terminal sessions: a real shell in a pseudo-terminal (node-pty) per browser terminal, with
// KUBECONFIG pointing at Wheelhouse's lab cluster and the project's kubectl first on PATH.
// A session outlives its WebSocket for a grace period, so a page reload reattaches to the same
// shell (with what it printed meanwhile); after that, or when the server stops, the shell ends.
//
// Wire format (text frames, JSON):
//   browser → server  {"t":"in","d":"kubectl get nodes\r"}   {"t":"resize","cols":120,"rows":30}
//   server → browser  {"t":"hello","session":"…","reattached":false}  {"t":"out","d":"…"}
//                     {"t":"exit","code":0}  {"t":"error","message":"…"}
import { randomUUID } from 'node:crypto';
import pty from '@lydell/node-pty';
import type { WebSocket } from 'ws';

export interface TerminalOptions {
  shell: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Most shells open at once (one run, one token: a few tabs). */
  maxSessions?: number;
  /** How long a shell waits for its page to come back. */
  graceMs?: number;
}

/** Close codes the page understands (4000–4999 are the application's). */
export const CLOSE = { malformed: 4400, tooMany: 4429, ended: 4000 } as const;

const SCROLLBACK_CHARS = 200_000;
const MAX_MESSAGE_CHARS = 64 * 1024;

interface Session {
  id: string;
  proc: pty.IPty;
  ws?: WebSocket;
  /** Output kept for a reattaching page. */
  backlog: string;
  expiry?: NodeJS.Timeout;
  exited: boolean;
}

export type ClientMessage = { t: 'in'; d: string } | { t: 'resize'; cols: number; rows: number };

/** Parses one frame from the page; returns an error text for anything else. */
export function parseClientMessage(raw: string): ClientMessage | { error: string } {
  if (raw.length > MAX_MESSAGE_CHARS) return { error: `message too long (${raw.length} characters; at most ${MAX_MESSAGE_CHARS})` };
  let m: unknown;
  try {
    m = JSON.parse(raw);
  } catch {
    return { error: 'not JSON: expected {"t":"in","d":"…"} or {"t":"resize","cols":N,"rows":N}' };
  }
  const o = m as Record<string, unknown>;
  if (o?.t === 'in' && typeof o.d === 'string') return { t: 'in', d: o.d };
  const size = (n: unknown) => Number.isInteger(n) && (n as number) >= 2 && (n as number) <= 1000;
  if (o?.t === 'resize' && size(o.cols) && size(o.rows)) return { t: 'resize', cols: o.cols as number, rows: o.rows as number };
  return { error: 'unknown message: expected {"t":"in","d":"…"} or {"t":"resize","cols":N,"rows":N} (sizes 2–1000)' };
}

export class TerminalSessions {
  private sessions = new Map<string, Session>();
  private opts: Required<TerminalOptions>;

  constructor(opts: TerminalOptions) {
    this.opts = { maxSessions: 4, graceMs: 30_000, ...opts };
  }

  get count(): number {
    return this.sessions.size;
  }

  /** Connects a page's WebSocket to its shell: the one it names (reload) or a new one. */
  attach(ws: WebSocket, want: { session?: string | null; cols?: number; rows?: number }): void {
    let s = want.session ? this.sessions.get(want.session) : undefined;
    const reattached = !!s;
    if (!s) {
      if (this.sessions.size >= this.opts.maxSessions) {
        send(ws, { t: 'error', message: `Too many terminals are open (${this.opts.maxSessions}). Close one tab, or wait ${Math.round(this.opts.graceMs / 1000)} s for a closed one to end.` });
        ws.close(CLOSE.tooMany, 'too many terminals');
        return;
      }
      s = this.spawn(want.cols ?? 80, want.rows ?? 24);
    }
    const session = s;
    // A second page on the same session takes it over; the first is told why it went quiet.
    if (session.ws && session.ws !== ws) session.ws.close(CLOSE.ended, 'opened in another tab');
    clearTimeout(session.expiry);
    session.ws = ws;
    send(ws, { t: 'hello', session: session.id, reattached });
    if (reattached && session.backlog) send(ws, { t: 'out', d: session.backlog });
    if (want.cols && want.rows && !session.exited) session.proc.resize(want.cols, want.rows);

    ws.on('message', (data, isBinary) => {
      const m = parseClientMessage(isBinary ? '' : data.toString());
      if ('error' in m) {
        // Nothing is lost: the shell keeps running and the page can reattach.
        send(ws, { t: 'error', message: m.error });
        ws.close(CLOSE.malformed, 'malformed message');
        return;
      }
      if (session.exited) return;
      if (m.t === 'in') session.proc.write(m.d);
      else session.proc.resize(m.cols, m.rows);
    });
    ws.on('close', () => {
      if (session.ws !== ws) return;
      session.ws = undefined;
      session.expiry = setTimeout(() => this.end(session.id), this.opts.graceMs);
    });
  }

  private spawn(cols: number, rows: number): Session {
    const proc = pty.spawn(this.opts.shell, [], { name: 'xterm-256color', cols, rows, cwd: this.opts.cwd, env: this.opts.env as Record<string, string> });
    const s: Session = { id: randomUUID(), proc, backlog: '', exited: false };
    proc.onData((d) => {
      s.backlog = (s.backlog + d).slice(-SCROLLBACK_CHARS);
      if (s.ws) send(s.ws, { t: 'out', d });
    });
    proc.onExit(({ exitCode }) => {
      s.exited = true;
      if (s.ws) {
        send(s.ws, { t: 'exit', code: exitCode });
        s.ws.close(CLOSE.ended, 'shell ended');
      }
      this.sessions.delete(s.id);
      clearTimeout(s.expiry);
    });
    this.sessions.set(s.id, s);
    return s;
  }

  private end(id: string): void {
    const s = this.sessions.get(id);
    if (!s) return;
    this.sessions.delete(id);
    clearTimeout(s.expiry);
    if (!s.exited) {
      try {
        s.proc.kill('SIGHUP');
      } catch {
        // already gone
      }
      // A shell that ignores SIGHUP (a running `kubectl … -w`) is ended for sure.
      const pid = s.proc.pid;
      setTimeout(() => {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // ended on SIGHUP
        }
      }, 2000).unref();
    }
    s.ws?.close(CLOSE.ended, 'server stopping');
  }

  /** Ends every shell (the server is stopping). */
  endAll(): void {
    for (const id of [...this.sessions.keys()]) this.end(id);
  }
}

function send(ws: WebSocket, m: object): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
}
