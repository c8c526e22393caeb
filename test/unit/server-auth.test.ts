// The local server's guards: the token (header, cookie, start URL), the Origin rule, and the
// terminal socket's message parser.
import { describe, it, expect } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAuth, newToken } from '../../site/server/auth.ts';
import { parseClientMessage } from '../../site/server/terminal.ts';

const req = (o: { url?: string; method?: string; headers?: Record<string, string> }) =>
  ({ url: o.url ?? '/', method: o.method ?? 'GET', headers: { host: '127.0.0.1:4321', ...o.headers } }) as unknown as IncomingMessage;

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
  const auth = createAuth('s3cret-token', 4321);
  it('is random and long', () => {
    const a = newToken();
    expect(a).toMatch(/^[\w-]{32}$/);
    expect(newToken()).not.toBe(a);
  });
  it('is accepted from the header, the cookie or the query, and nothing else', () => {
    expect(auth.allowed(req({ headers: { authorization: 'Bearer s3cret-token' } }))).toBe(true);
    expect(auth.allowed(req({ headers: { cookie: 'a=b; wheelhouse-token-4321=s3cret-token' } }))).toBe(true);
    expect(auth.allowed(req({ url: '/api/terminal?token=s3cret-token' }))).toBe(true);
    expect(auth.allowed(req({}))).toBe(false);
    expect(auth.allowed(req({ headers: { authorization: 'Bearer s3cret-tokeN' } }))).toBe(false);
    expect(auth.allowed(req({ headers: { cookie: 'wheelhouse-token-4322=s3cret-token' } }))).toBe(false);
    expect(auth.allowed(req({ headers: { authorization: 'Bearer s3cret-token-and-more' } }))).toBe(false);
  });
  it('the start URL sets the cookies and redirects to the same page without the token', () => {
    const { r, res } = fakeRes();
    expect(auth.acceptStartUrl(req({ url: '/en/labs/lab-07/?token=s3cret-token&x=1' }), res)).toBe(true);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/en/labs/lab-07/?x=1');
    expect(String(r.headers['set-cookie'])).toMatch(/wheelhouse-token-4321=s3cret-token; Path=\/; HttpOnly; SameSite=Strict/);
    expect(String(r.headers['set-cookie'])).toMatch(/wheelhouse-live-4321=1/);
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
    expect(auth.acceptStartUrl(req({ url: '/api/session?token=s3cret-token' }), res)).toBe(false);
  });
  it('Origin must be this server when a browser sends one', () => {
    expect(auth.sameOrigin(req({ headers: { origin: 'http://127.0.0.1:4321' } }))).toBe(true);
    expect(auth.sameOrigin(req({ headers: { origin: 'http://127.0.0.1:4322' } }))).toBe(false);
    expect(auth.sameOrigin(req({ headers: { origin: 'http://evil.example' } }))).toBe(false);
    expect(auth.sameOrigin(req({ headers: { origin: 'null' } }))).toBe(false);
    expect(auth.sameOrigin(req({}))).toBe(true);
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
