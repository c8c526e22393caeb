// The local server's guards: the token (header, cookie, start URL; never a query under /api/; at
// least 128 bits), the Host allowlist (DNS rebinding), the Origin rule, the redirect that stays on
// this server, the anti-framing headers, and the terminal socket's message parser (#14).
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuth, newToken, tokenProblem } from '../../site/server/auth.ts';
import { createSiteServer } from '../../site/server/http.ts';
import { parseClientMessage, TerminalSessions } from '../../site/server/terminal.ts';

const TOKEN = 's3cret-token-0123456789abcdef0123';
const req = (o: { url?: string; method?: string; headers?: Record<string, string>; port?: number; rawHeaders?: string[] }) => {
  const headers = { host: '127.0.0.1:4321', ...o.headers };
  return { url: o.url ?? '/', method: o.method ?? 'GET', headers, rawHeaders: o.rawHeaders ?? Object.entries(headers).flat(), socket: { localPort: o.port ?? 4321 } } as unknown as IncomingMessage;
};

function fakeRes() {
  const r = { status: 0, headers: {} as Record<string, unknown>, body: '' };
  const res = {
    writeHead(status: number, headers: Record<string, unknown>) {
      r.status = status;
      r.headers = headers;
    },
    end(b?: string) {
      r.body = b ?? '';
    },
  } as unknown as ServerResponse;
  return { r, res };
}

describe('token', () => {
  const auth = createAuth(TOKEN);
  it('is random and long', () => {
    const a = newToken();
    expect(a).toMatch(/^[\w-]{32}$/);
    expect(newToken()).not.toBe(a);
  });
  it('is accepted from the header or the cookie, and nothing else', () => {
    expect(auth.allowed(req({ headers: { authorization: `Bearer ${TOKEN}` } }))).toBe(true);
    expect(auth.allowed(req({ headers: { cookie: `a=b; wheelhouse-token-4321=${TOKEN}` } }))).toBe(true);
    // An earlier run's cookie (another Path) may come first.
    expect(auth.allowed(req({ headers: { cookie: `wheelhouse-token-4321=old; wheelhouse-token-4321=${TOKEN}` } }))).toBe(true);
    expect(auth.allowed(req({}))).toBe(false);
    expect(auth.allowed(req({ headers: { authorization: `Bearer ${TOKEN.toUpperCase()}` } }))).toBe(false);
    expect(auth.allowed(req({ headers: { cookie: `wheelhouse-token-4322=${TOKEN}` } }))).toBe(false);
    expect(auth.allowed(req({ headers: { authorization: `Bearer ${TOKEN}-and-more` } }))).toBe(false);
  });
  it('is not accepted in a query string under /api/ (logs, histories, Referer)', () => {
    expect(auth.allowed(req({ url: `/api/terminal?token=${TOKEN}` }))).toBe(false);
    expect(auth.allowed(req({ url: `/api/session?token=${TOKEN}` }))).toBe(false);
  });
  it('WHEELHOUSE_TOKEN needs at least 128 bits', () => {
    for (const weak of ['s3cret-token', 'a'.repeat(31), 'x'.repeat(21), 'pass word with spaces and more than enough']) {
      expect(() => createAuth(weak), weak).toThrow(/WHEELHOUSE_TOKEN/);
    }
    expect(tokenProblem('a'.repeat(31))).toMatch(/at most 124 bits.*at least 128/);
    for (const strong of ['0123456789abcdef0123456789abcdef', 'Z'.repeat(22), newToken()]) expect(() => createAuth(strong), strong).not.toThrow();
  });
  it('the start URL sets the cookies and redirects to the same page without the token', () => {
    const { r, res } = fakeRes();
    expect(auth.acceptStartUrl(req({ url: `/en/labs/lab-07/?token=${TOKEN}&x=1` }), res)).toBe(true);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/en/labs/lab-07/?x=1');
    // The token cookie goes to /api/ only (the API and the terminal); the page needs only the live flag.
    expect(String(r.headers['set-cookie'])).toMatch(new RegExp(`wheelhouse-token-4321=${TOKEN}; Path=/api/; HttpOnly; SameSite=Strict`));
    expect(String(r.headers['set-cookie'])).toMatch(/wheelhouse-live-4321=1; Path=\/;/);
  });
  it.each([
    ['/.//evil.example/?token=T', '/evil.example/'],
    ['/.///evil.example/x?token=T&a=1', '/evil.example/x?a=1'],
    ['/./\\evil.example/?token=T', '/evil.example/'],
    ['/%2F%2Fevil.example/?token=T', '/%2F%2Fevil.example/'],
  ])('the redirect of %s stays on this server: %s', (url, location) => {
    const { r, res } = fakeRes();
    expect(auth.acceptStartUrl(req({ url: url.replace('T', TOKEN) }), res)).toBe(true);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe(location);
    expect(new URL(String(r.headers.location), 'http://127.0.0.1:4321').host).toBe('127.0.0.1:4321');
  });
  it('a wrong token in the start URL is refused with what to do', () => {
    const { r, res } = fakeRes();
    expect(auth.acceptStartUrl(req({ url: '/?token=old' }), res)).toBe(true);
    expect(r.status).toBe(403);
    expect(r.body).toMatch(/npm start/);
  });
  it('pages without a token are left to the static server', () => {
    const { res } = fakeRes();
    expect(auth.acceptStartUrl(req({ url: '/en/' }), res)).toBe(false);
    expect(auth.acceptStartUrl(req({ url: `/api/session?token=${TOKEN}` }), res)).toBe(false);
  });
  it('Origin must be this server when a browser sends one', () => {
    expect(auth.sameOrigin(req({ headers: { origin: 'http://127.0.0.1:4321' } }))).toBe(true);
    expect(auth.sameOrigin(req({ headers: { origin: 'http://127.0.0.1:4322' } }))).toBe(false);
    expect(auth.sameOrigin(req({ headers: { origin: 'http://evil.example' } }))).toBe(false);
    expect(auth.sameOrigin(req({ headers: { origin: 'null' } }))).toBe(false);
    expect(auth.sameOrigin(req({}))).toBe(true);
  });
});

describe('Host allowlist (DNS rebinding: a page of another site that resolves to 127.0.0.1)', () => {
  const auth = createAuth(TOKEN, { names: ['wh-0a1b2c3d.localhost'] });
  it.each(['127.0.0.1:4321', 'localhost:4321', '[::1]:4321', 'wh-0a1b2c3d.localhost:4321', 'WH-0A1B2C3D.LOCALHOST:4321'])('answers %s', (host) => {
    expect(auth.knownHost(req({ headers: { host } }))).toBe(true);
  });
  it.each([
    ['another site', 'attacker.example:4321'],
    ['another site on the same name', 'wh-0a1b2c3d.localhost.attacker.example:4321'],
    ['another port than the one the request came in on', '127.0.0.1:8080'],
    ['no port', '127.0.0.1'],
    ['another *.localhost name', 'other.localhost:4321'],
    ['an empty Host', ''],
  ])('refuses %s (%s)', (_what, host) => {
    expect(auth.knownHost(req({ headers: { host } }))).toBe(false);
  });
  it('refuses two Host headers', () => {
    expect(auth.knownHost(req({ rawHeaders: ['Host', '127.0.0.1:4321', 'Host', 'attacker.example'] }))).toBe(false);
  });
});

describe('the server\'s answers', () => {
  const servers: { close(): void }[] = [];
  afterAll(() => servers.forEach((s) => s.close()));
  async function serve() {
    const dist = mkdtempSync(join(tmpdir(), 'wh-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><p>page</p>\n');
    const terminals = new TerminalSessions({ shell: '/bin/bash', cwd: tmpdir(), env: {} });
    const server = createSiteServer(dist, { auth: createAuth(TOKEN), terminals, api: async (_q, s) => void s.end('{}') });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('forbid framing on pages, redirects, refusals and the API', async () => {
    const base = await serve();
    for (const path of ['/', '/missing', `/?token=${TOKEN}`, '/api/session']) {
      const r = await fetch(`${base}${path}`, { redirect: 'manual' });
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
      expect(r.headers.get('content-security-policy'), path).toBe("frame-ancestors 'none'");
    }
  });

  it('is 421 for a Host that is not this server, and 400 for a target that is not a path on it', async () => {
    const base = await serve();
    const { request } = await import('node:http');
    const ask = (path: string, host: string) =>
      new Promise<number>((resolve, reject) => {
        const u = new URL(base);
        request({ host: u.hostname, port: u.port, path, headers: { host } }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject).end();
      });
    expect(await ask('/', `attacker.example:${new URL(base).port}`)).toBe(421);
    expect(await ask('/api/session', `attacker.example:${new URL(base).port}`)).toBe(421);
    expect(await ask('//evil.example/', new URL(base).host)).toBe(400);
    expect(await ask('/', new URL(base).host)).toBe(200);
  });
});

describe('terminal messages', () => {
  it('accepts input and sane resizes', () => {
    expect(parseClientMessage('{"t":"in","d":"ls\\r"}')).toEqual({ t: 'in', d: 'ls\r' });
    expect(parseClientMessage('{"t":"resize","cols":120,"rows":30}')).toEqual({ t: 'resize', cols: 120, rows: 30 });
  });
  it.each([
    ['not json', /not JSON/],
    ['{"t":"exec","cmd":"rm -rf /"}', /unknown message/],
    ['{"t":"in","d":42}', /unknown message/],
    ['{"t":"resize","cols":0,"rows":30}', /sizes 2–1000/],
    ['{"t":"resize","cols":1e9,"rows":30}', /sizes 2–1000/],
    ['null', /unknown message/],
    ['x'.repeat(70_000), /too long/],
  ])('refuses %s with a message that says what is expected', (raw, why) => {
    const m = parseClientMessage(raw);
    expect('error' in m && m.error).toMatch(why);
  });
});
