// Owns a lab page's terminal connection: the WebSocket, the shell session it reattaches to after a
// reload (its id kept in sessionStorage), reconnecting when the connection drops. The view only
// draws what this hands it and passes keystrokes back.

type Status = 'connecting' | 'open' | 'closed' | 'ended';

export interface SessionEvents {
  output(data: string): void;
  status(s: Status, detail?: string): void;
}

export class TerminalSession {
  private ws?: WebSocket;
  private key: string;
  private size = { cols: 80, rows: 24 };
  private retries = 0;
  private stopped = false;
  private events: SessionEvents;

  constructor(lab: string, events: SessionEvents) {
    this.key = `wheelhouse-terminal-${lab}`;
    this.events = events;
  }

  connect(cols: number, rows: number): void {
    this.size = { cols, rows };
    const q = new URLSearchParams({ cols: String(cols), rows: String(rows) });
    const session = sessionStorage.getItem(this.key);
    if (session) q.set('session', session);
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${proto}://${location.host}/api/terminal?${q}`);
    this.ws = ws;
    this.events.status('connecting');
    ws.onopen = () => {
      this.retries = 0;
      this.events.status('open');
    };
    ws.onmessage = (e) => {
      const m = JSON.parse(String(e.data));
      if (m.t === 'hello') {
        sessionStorage.setItem(this.key, m.session);
        // Start from a clean screen: a reattach replays what the shell printed.
        this.events.output('\x1bc');
      } else if (m.t === 'out') this.events.output(m.d);
      else if (m.t === 'exit') sessionStorage.removeItem(this.key);
      else if (m.t === 'error') this.events.status('closed', m.message);
    };
    ws.onclose = (e) => {
      if (this.ws !== ws || this.stopped) return;
      if (e.code === 4000) {
        // The shell ended (exit) or another tab took it: offer a new one rather than looping.
        sessionStorage.removeItem(this.key);
        this.events.status('ended', e.reason);
        return;
      }
      if (e.code === 4429 || e.code === 4400) {
        this.events.status('closed', e.reason);
        return;
      }
      this.events.status('closed');
      const delay = Math.min(5000, 500 * 2 ** this.retries++);
      setTimeout(() => !this.stopped && this.connect(this.size.cols, this.size.rows), delay);
    };
  }

  input(data: string): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ t: 'in', d: data }));
  }

  resize(cols: number, rows: number): void {
    this.size = { cols, rows };
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ t: 'resize', cols, rows }));
  }

  /** A fresh shell (after the old one ended). */
  restart(): void {
    sessionStorage.removeItem(this.key);
    this.ws?.close();
    this.connect(this.size.cols, this.size.rows);
  }
}
