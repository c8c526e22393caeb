// Terminal sessions with real shells (node-pty) behind a real WebSocket on 127.0.0.1: resize,
// reattach within the grace period, the shell ended after it, the cap on open shells, and every
// shell ended when the server stops.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { createAuth } from '../../site/server/auth.ts';
import { createSiteServer } from '../../site/server/http.ts';
import { TerminalSessions } from '../../site/server/terminal.ts';

const token = 'unit-token-0123456789abcdef0123456789';
const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function start(opts: { graceMs?: number; maxSessions?: number } = {}) {
  const terminals = new TerminalSessions({ shell: '/bin/bash', cwd: tmpdir(), env: { PATH: process.env.PATH, HOME: tmpdir(), TERM: 'xterm-256color', PS1: '$ ' }, ...opts });
  const auth = createAuth(token);
  const server = createSiteServer(mkdtempSync(join(tmpdir(), 'wh-dist-')), { auth, terminals, api: async (_q, s) => void s.end() });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return { server, terminals, port: (server.address() as AddressInfo).port };
}

interface Client {
  ws: WebSocket;
  text: () => string;
  until: (re: RegExp) => Promise<RegExpMatchArray>;
  hello: Promise<{ session: string; reattached: boolean }>;
  closed: Promise<{ code: number; reason: string }>;
}

function open(port: number, query = ''): Client {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/terminal${query}`, { headers: { origin: `http://127.0.0.1:${port}`, authorization: `Bearer ${token}` } });
  let out = '';
  let hello!: (h: { session: string; reattached: boolean }) => void;
  const c: Client = {
    ws,
    text: () => out,
    hello: new Promise((r) => (hello = r)),
    closed: new Promise((r) => ws.once('close', (code, reason) => r({ code, reason: String(reason) }))),
    until: async (re) => {
      for (let i = 0; i < 200; i++) {
        const m = out.match(re);
        if (m) return m;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`terminal never showed ${re}; it showed:\n${out}`);
    },
  };
  ws.on('message', (d) => {
    const m = JSON.parse(String(d));
    if (m.t === 'hello') hello(m);
    if (m.t === 'out') out += m.d;
    if (m.t === 'error') out += `\n[error] ${m.message}\n`;
  });
  return c;
}

const send = (c: Client, d: string) => c.ws.send(JSON.stringify({ t: 'in', d }));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function gone(pid: number) {
  for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 25));
  return !alive(pid);
}

describe('terminal sessions', () => {
  it('opens at the size asked for and follows a resize', async () => {
    const { port } = await start();
    const c = open(port, '?cols=90&rows=20');
    await c.hello;
    send(c, 'stty size\r');
    await c.until(/20 90/);
    c.ws.send(JSON.stringify({ t: 'resize', cols: 132, rows: 41 }));
    send(c, 'stty size\r');
    await c.until(/41 132/);
    c.ws.close();
  });

  it('a reload within the grace period gets the same shell; after it the shell is ended', async () => {
    const { port, terminals } = await start({ graceMs: 400 });
    const a = open(port);
    const { session } = await a.hello;
    send(a, 'echo pid=$$\r');
    const pid = Number((await a.until(/pid=(\d+)/))[1]);
    a.ws.close();
    await a.closed;

    const b = open(port, `?session=${session}`);
    expect(await b.hello).toMatchObject({ session, reattached: true });
    send(b, 'echo again=$$\r');
    expect(Number((await b.until(/again=(\d+)/))[1])).toBe(pid);
    b.ws.close();
    await b.closed;

    expect(await gone(pid)).toBe(true);
    expect(terminals.count).toBe(0);
    // The session id is of no use any more: a new shell is opened.
    const c = open(port, `?session=${session}`);
    expect((await c.hello).reattached).toBe(false);
    c.ws.close();
  });

  it('refuses one shell too many with a message, and keeps the others', async () => {
    const { port } = await start({ maxSessions: 2 });
    const a = open(port);
    const b = open(port);
    await Promise.all([a.hello, b.hello]);
    const c = open(port);
    expect(await c.closed).toMatchObject({ code: 4429 });
    expect(c.text()).toMatch(/Too many terminals are open \(2\)/);
    send(a, 'echo still-here\r');
    await a.until(/still-here/);
  });

  it('ends every shell when the server stops', async () => {
    const { port, server } = await start();
    const pids: number[] = [];
    for (const c of [open(port), open(port)]) {
      await c.hello;
      send(c, 'echo pid=$$\r');
      pids.push(Number((await c.until(/pid=(\d+)/))[1]));
    }
    server.close();
    server.closeAllConnections();
    for (const pid of pids) expect(await gone(pid)).toBe(true);
  });
});

describe('terminal output waits for the page (#14)', () => {
  it('a page that stops reading while `yes` runs does not grow the server\'s queue: the shell is paused, and goes on once the page reads again', { timeout: 40_000 }, async () => {
    const terminals = new TerminalSessions({ shell: '/bin/bash', cwd: tmpdir(), env: { PATH: process.env.PATH, HOME: tmpdir(), TERM: 'xterm-256color', PS1: '$ ' } });
    // The server's end of the socket, to read how much output it holds for the page.
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => wss.once('listening', r));
    const serverSide = new Promise<WebSocket>((resolve) => wss.once('connection', (ws) => (terminals.attach(ws, {}), resolve(ws))));
    const page = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    let received = 0;
    page.on('message', (d) => (received += (d as Buffer).length));
    await new Promise((r) => page.once('open', r));
    const server = await serverSide;
    try {
      page.send(JSON.stringify({ t: 'in', d: 'yes wheelhouse-backpressure\r' }));
      await expect.poll(() => received, { timeout: 10_000 }).toBeGreaterThan(1 << 20);
      // The page stops reading: its socket is paused, TCP's buffers on both sides fill up (a few
      // seconds), and then, without backpressure, the server's queue grows by megabytes a second.
      page.pause();
      let most = 0;
      for (let i = 0; i < 80; i++) {
        most = Math.max(most, server.bufferedAmount);
        await new Promise((r) => setTimeout(r, 100));
      }
      // At most the high-water mark (512 KiB) and the chunks in flight when the shell was paused.
      expect(most).toBeLessThan(2 << 20);
      const before = received;
      page.resume();
      await expect.poll(() => received - before, { timeout: 10_000 }).toBeGreaterThan(4 << 20);
    } finally {
      page.send(JSON.stringify({ t: 'in', d: '\x03' }));
      terminals.endAll();
      page.terminate();
      wss.close();
    }
  });
});
