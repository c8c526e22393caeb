// Terminal sessions: a real shell in a pseudo-terminal (node-pty) per browser terminal (the program
// and its environment come from shell.ts: bash with the project's rc file, kubectl on the lab cluster).
// A session outlives its WebSocket for a grace period, so a page reload reattaches to the same
// shell (with what it printed meanwhile); after that, or when the server stops, the shell ends.
// Output waits for the page: when more than HIGH_WATER bytes are queued for a page that does not
// read, the shell is paused (its writes block) until the queue drains (#14).
//
// Wire format (text frames, JSON):
//   browser → server  {"t":"in","d":"kubectl get nodes\r"}   {"t":"resize","cols":120,"rows":30}
//   server → browser  {"t":"hello","session":"…","reattached":false}  {"t":"out","d":"…"}
//                     {"t":"exit","code":0}  {"t":"error","message":"…"}
import { randomUUID } from 'node:crypto';
import pty from '@lydell/node-pty';
import type { WebSocket } from 'ws';

export interface TerminalOptions {
  /** The program to run (an absolute path) and its arguments. */
  shell: string;
  args?: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Most shells open at once (one run, one token: a few tabs). */
  maxSessions?: number;
  /** How long a shell waits for its page to come back. */
  graceMs?: number;
  /** Bytes queued for a page above which the shell is paused. */
  highWaterBytes?: number;
}

/** Close codes the page understands (4000–4999 are the application's). */
export const CLOSE = { malformed: 4400, tooMany: 4429, ended: 4000 } as const;

const SCROLLBACK_CHARS = 200_000;
const MAX_MESSAGE_CHARS = 64 * 1024;
const HIGH_WATER_BYTES = 512 * 1024;

interface Session {
  id: string;
  proc: pty.IPty;
  ws?: WebSocket;
  /** Output kept for a reattaching page. */
  backlog: string;
  expiry?: NodeJS.Timeout;
  exited: boolean;
  /** The pty is not read while the page's queue is too long. */
  paused: boolean;
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
    this.opts = { args: [], maxSessions: 4, graceMs: 30_000, highWaterBytes: HIGH_WATER_BYTES, ...opts };
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
    this.flow(session);
    send(ws, { t: 'hello', session: session.id, reattached });
    if (reattached && session.backlog) send(ws, { t: 'out', d: session.backlog });
    if (want.cols && want.rows) ptyCall(session, (p) => p.resize(want.cols!, want.rows!));

    // A frame the protocol forbids (bad opcode, unmasked, too long) is an error on the socket, not
    // an exception for the server: the socket is closed, the shell stays for a reattach.
    ws.on('error', (err) => {
      console.error(`wheelhouse: terminal connection dropped: ${err.message}`);
      ws.terminate();
    });
    ws.on('message', (data, isBinary) => {
      const m = parseClientMessage(isBinary ? '' : data.toString());
      if ('error' in m) {
        // Nothing is lost: the shell keeps running and the page can reattach.
        send(ws, { t: 'error', message: m.error });
        ws.close(CLOSE.malformed, 'malformed message');
        return;
      }
      if (m.t === 'in') ptyCall(session, (p) => p.write(m.d));
      else ptyCall(session, (p) => p.resize(m.cols, m.rows));
    });
    ws.on('close', () => {
      if (session.ws !== ws) return;
      session.ws = undefined;
      this.flow(session);
      session.expiry = setTimeout(() => this.end(session.id), this.opts.graceMs);
    });
  }

  /** Pauses the shell while its page has too much unsent output, and lets it go on once that drains. */
  private flow(s: Session): void {
    if (s.exited) return;
    const queued = s.ws && s.ws.readyState === s.ws.OPEN ? s.ws.bufferedAmount : 0;
    const pause = queued > this.opts.highWaterBytes;
    // Resume well below the mark, so a slow page does not pause and resume the shell on every chunk.
    const resume = queued <= this.opts.highWaterBytes / 4;
    if (pause && !s.paused) {
      s.paused = true;
      ptyCall(s, (p) => p.pause());
    } else if (resume && s.paused) {
      s.paused = false;
      ptyCall(s, (p) => p.resume());
    }
  }

  private spawn(cols: number, rows: number): Session {
    const proc = pty.spawn(this.opts.shell, this.opts.args, { name: 'xterm-256color', cols, rows, cwd: this.opts.cwd, env: this.opts.env as Record<string, string> });
    const s: Session = { id: randomUUID(), proc, backlog: '', exited: false, paused: false };
    proc.onData((d) => {
      s.backlog = (s.backlog + d).slice(-SCROLLBACK_CHARS);
      const ws = s.ws;
      if (!ws || ws.readyState !== ws.OPEN) return;
      // The callback runs once the frame has left for the network: the queue may have drained.
      ws.send(JSON.stringify({ t: 'out', d }), () => this.flow(s));
      this.flow(s);
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

/** A call on the shell's pty; one that has just exited throws (EBADF), which is no error of the page's. */
function ptyCall(s: Session, fn: (p: pty.IPty) => void): void {
  if (s.exited) return;
  try {
    fn(s.proc);
  } catch (err) {
    console.error(`wheelhouse: terminal: ${(err as Error).message}`);
  }
}
