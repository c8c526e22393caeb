// The local server as `npm start` runs it, sent what anyone who can reach the port (any web page,
// through an <img>) may send: malformed request lines, URLs, cookies and headers, and WebSocket
// frames the protocol forbids. Each gets an answer (400, 421, 401 …) or a closed socket — and
// afterwards the same process still answers and its shell still runs (#14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';
import { repoRoot } from '../../checker/core/paths.ts';

interface Info {
  port: number;
  token: string;
  name: string;
}

let child: ChildProcess;
let info: Info;
let stderr = '';
let exited: { code: number | null } | undefined;

beforeAll(async () => {
  child = spawn(process.execPath, [join(repoRoot, 'test', 'support', 'serve-site.ts')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.on('data', (d) => (stderr += d));
  child.on('exit', (code) => (exited = { code }));
  info = await new Promise<Info>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
    });
    child.once('exit', (code) => reject(new Error(`the server ended (${code}) before it was ready:\n${stderr}`)));
  });
}, 30_000);

afterAll(() => {
  child.kill('SIGTERM');
});

/** Sends raw bytes and returns what came back before the server closed the connection (or 2 s passed). */
function raw(bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port: info.port });
    let got = '';
    const done = () => {
      s.destroy();
      resolve(got);
    };
    const timer = setTimeout(done, 2000);
    s.on('data', (d) => (got += d.toString('latin1')));
    s.on('error', () => {});
    s.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
    s.write(bytes);
  });
}

const status = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
const host = () => `127.0.0.1:${info.port}`;
const get = (target: string, headers: string[] = [`Host: ${host()}`]) => raw(`GET ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\nConnection: close\r\n\r\n`);

async function stillServing() {
  expect(exited, `the server process ended; it said:\n${stderr}`).toBeUndefined();
  const r = await get('/api/session', [`Host: ${host()}`, `Authorization: Bearer ${info.token}`]);
  expect(status(r), r).toBe(200);
}

describe('malformed requests get an answer, and the server keeps serving', { timeout: 20_000 }, () => {
  it.each([
    ['a target that is not a path', '//', 400],
    ['an unparseable target', '//[', 400],
    ['a target read as another host', '//evil.example/', 400],
    ['a backslash target read as another host', '/\\evil.example/', 400],
    ['an absolute-form target', 'http://[/', 400],
    ['an asterisk target', '*', 400],
    ['bad percent-encoding', '/%E0%A4%A', 404],
    ['bad percent-encoding under /api/', '/api/labs/%E0%A4%A/check', 401],
    ['a start URL with a bad token and bad encoding', '/?token=%ZZ', 403],
  ])('%s: GET %s → %i', async (_what, target, code) => {
    expect(status(await get(target))).toBe(code);
    await stillServing();
  });

  it.each([
    ['a cookie that is not percent-encoding', 401, [`Cookie: wheelhouse-token-PORT=%E0%A4%A; wheelhouse-token-PORT==%%`]],
    ['cookies without names or values', 401, ['Cookie: =; ;;; =x; wheelhouse-token-PORT']],
    ['an empty bearer token', 401, ['Authorization: Bearer ']],
    ['a bearer token of bytes that are not text', 400, ['Authorization: Bearer \xff\xfe\x00']],
    ['a Host of another site (DNS rebinding)', 421, []],
  ])('%s → %i', async (_what, code, headers) => {
    const withPort = headers.map((h) => h.replaceAll('PORT', String(info.port)));
    const hostLine = code === 421 ? 'Host: attacker.example' : `Host: ${host()}`;
    const r = await raw(Buffer.from(`GET /api/session HTTP/1.1\r\n${hostLine}\r\n${withPort.join('\r\n')}\r\nConnection: close\r\n\r\n`, 'latin1'));
    expect(status(r), r).toBe(code);
    await stillServing();
  });

  it.each([
    ['garbage', 'GARBAGE\r\n\r\n'],
    ['no version', 'GET /\r\n\r\n'],
    ['a NUL in the target', 'GET /\0 HTTP/1.1\r\nHost: HOST\r\n\r\n'],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost: HOST\r\nno colon here\r\n\r\n'],
    ['no Host at all', 'GET / HTTP/1.1\r\n\r\n'],
    ['two Hosts', 'GET / HTTP/1.1\r\nHost: HOST\r\nHost: evil.example\r\n\r\n'],
    ['a Host that is not a name', 'GET / HTTP/1.1\r\nHost: [\r\n\r\n'],
    ['a header of 64 KiB', `GET / HTTP/1.1\r\nHost: HOST\r\nX-Big: ${'a'.repeat(65_536)}\r\n\r\n`],
    ['a negative Content-Length', 'POST /api/session HTTP/1.1\r\nHost: HOST\r\nContent-Length: -1\r\n\r\n'],
    ['two Content-Lengths', 'POST /api/session HTTP/1.1\r\nHost: HOST\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab'],
    ['a broken chunked body', 'POST /api/labs/lab-07/check HTTP/1.1\r\nHost: HOST\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n'],
    ['a WebSocket upgrade to an unparseable target', 'GET //[ HTTP/1.1\r\nHost: HOST\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'],
    ['a WebSocket upgrade with a broken cookie', 'GET /api/terminal HTTP/1.1\r\nHost: HOST\r\nOrigin: http://HOST\r\nCookie: wheelhouse-token-PORT=%\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'],
    ['a WebSocket upgrade without a key', 'GET /api/terminal HTTP/1.1\r\nHost: HOST\r\nOrigin: http://HOST\r\nAuthorization: Bearer TOKEN\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n'],
    ['a WebSocket upgrade from another Host', 'GET /api/terminal HTTP/1.1\r\nHost: attacker.example:PORT\r\nOrigin: http://attacker.example:PORT\r\nAuthorization: Bearer TOKEN\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'],
  ])('%s', async (_what, request) => {
    const r = await raw(request.replaceAll('HOST', host()).replaceAll('PORT', String(info.port)).replaceAll('TOKEN', info.token));
    expect(status(r) === 0 || status(r) >= 400, r.slice(0, 200)).toBe(true);
    await stillServing();
  });
});

describe('WebSocket frames the protocol forbids close that socket, not the server', { timeout: 20_000 }, () => {
  let session: string | undefined;

  /** An open terminal socket on the one shell of this test (a reattach after the first). */
  async function terminal(): Promise<{ ws: WebSocket; closed: Promise<number> }> {
    const q = session ? `?session=${session}` : '';
    const ws = new WebSocket(`ws://${host()}/api/terminal${q}`, { headers: { origin: `http://${host()}`, authorization: `Bearer ${info.token}` } });
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.on('error', () => {});
    const hello = await new Promise<{ session: string }>((resolve, reject) => {
      ws.on('message', (d) => {
        const m = JSON.parse(String(d));
        if (m.t === 'hello') resolve(m);
      });
      ws.once('close', (code) => reject(new Error(`closed before hello: ${code}`)));
    });
    session ??= hello.session;
    return { ws, closed };
  }

  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = (payload: Buffer) => Buffer.from(payload.map((b, i) => b ^ mask[i % 4]));
  const frame = (first: number, payload: Buffer, opts: { masked?: boolean } = {}) => {
    const m = opts.masked ?? true;
    const len = payload.length < 126 ? Buffer.from([(m ? 0x80 : 0) | payload.length]) : Buffer.from([(m ? 0x80 : 0) | 126, payload.length >> 8, payload.length & 0xff]);
    return Buffer.concat([Buffer.from([first]), len, ...(m ? [mask, masked(payload)] : [payload])]);
  };

  it.each([
    ['a reserved opcode', frame(0x83, Buffer.from('x'))],
    ['RSV1 without an extension', frame(0xc1, Buffer.from('x'))],
    ['an unmasked client frame', frame(0x81, Buffer.from('hello'), { masked: false })],
    ['a length of 2^40 bytes', Buffer.from([0x82, 0xff, 0, 0, 1, 0, 0, 0, 0, 0, ...mask])],
    ['a ping of 200 bytes', frame(0x89, Buffer.alloc(200, 1))],
    ['a fragmented ping', frame(0x09, Buffer.from('x'))],
    ['a text frame that is not UTF-8', frame(0x81, Buffer.from([0xff, 0xfe, 0xfd]))],
    ['a close code no one may send', frame(0x88, Buffer.from([0x03, 0xe7]))],
    ['a continuation with nothing to continue', frame(0x80, Buffer.from('x'))],
    ['a binary frame', frame(0x82, Buffer.from('{"t":"in","d":"x"}'))],
    ['a text frame that is not the protocol', frame(0x81, Buffer.from('{"t":"exec"}'))],
  ])('%s', async (_what, bytes) => {
    const { ws, closed } = await terminal();
    (ws as unknown as { _socket: { write(b: Buffer): void } })._socket.write(bytes);
    expect(await closed).toBeGreaterThanOrEqual(1000);
    await stillServing();
  });

  it('the shell is still there afterwards', async () => {
    const { ws } = await terminal();
    let out = '';
    ws.on('message', (d) => {
      const m = JSON.parse(String(d));
      if (m.t === 'out') out += m.d;
    });
    ws.send(JSON.stringify({ t: 'in', d: 'echo alive-$((40+2))\r' }));
    await expect.poll(() => out, { timeout: 10_000 }).toContain('alive-42');
    ws.close();
  });
});

describe('the process-level guard', { timeout: 30_000 }, () => {
  it('logs an exception no handler caught, and the process keeps running', async () => {
    const script = `
      import { installProcessGuard } from ${JSON.stringify(join(repoRoot, 'site', 'server', 'serve.ts'))};
      installProcessGuard();
      setTimeout(() => { throw new Error('boom from a handler'); }, 10);
      setTimeout(() => Promise.reject(new Error('a rejection nobody awaited')), 20);
      setTimeout(() => { console.log('still serving'); process.exit(0); }, 300);
    `;
    const p = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout!.on('data', (d) => (out += d));
    p.stderr!.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((r) => p.on('exit', r));
    expect(out).toContain('still serving');
    expect(code).toBe(0);
    expect(err).toMatch(/the server keeps running: Error: boom from a handler/);
    expect(err).toMatch(/a rejection nobody awaited/);
  });
});
