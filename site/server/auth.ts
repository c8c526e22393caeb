// The per-run token that guards the terminal and the API (like Jupyter's): printed in the start URL,
// swapped for a cookie on the first visit, accepted as `Authorization: Bearer <token>` from scripts.
// Only those two carry it under /api/: a token in a query string ends up in logs and histories.
// WebSocket upgrades and API writes must also come from the page's own origin, and every request
// must name this server in its Host header (a DNS-rebinding page names its own host: 421).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestUrl } from './request.ts';

export interface Auth {
  token: string;
  /** True when the request carries the token (Authorization header or cookie). */
  allowed(req: IncomingMessage): boolean;
  /** True when the request has no Origin (not a browser) or its Origin is this server. */
  sameOrigin(req: IncomingMessage): boolean;
  /** True when the Host header names this server: one of its names, on the port the request came in on. */
  knownHost(req: IncomingMessage): boolean;
  /** A page visit with ?token=: sets the cookie and redirects to the same URL without it. Returns true when handled. */
  acceptStartUrl(req: IncomingMessage, res: ServerResponse): boolean;
}

export interface AuthOptions {
  /** Host names besides the loopback ones (127.0.0.1, localhost, [::1]): the server's *.localhost name, a --host address. */
  names?: string[];
}

/**
 * The cookie page scripts read to know the local server is live for them (see site/live/api.ts),
 * and the token's. Both carry the port the page was served on: cookies are not separated by port,
 * and two servers on one machine must not read each other's.
 */
export const liveCookie = (port: number) => `wheelhouse-live-${port}`;
export const tokenCookie = (port: number) => `wheelhouse-token-${port}`;

export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The most a token can hold, from its length and the smallest usual alphabet it is written in (hex, base64url, printable ASCII). */
export function tokenBits(token: string): number {
  const perChar = /^[0-9a-f]*$/i.test(token) ? 4 : /^[\w-]*$/.test(token) ? 6 : Math.log2(94);
  return Math.floor(token.length * perChar);
}

export const MIN_TOKEN_BITS = 128;

/** Why a token (WHEELHOUSE_TOKEN) cannot guard a shell, or undefined when it can. */
export function tokenProblem(token: string): string | undefined {
  if (!/^[\x21-\x7e]+$/.test(token)) return 'WHEELHOUSE_TOKEN may hold only printable ASCII characters without spaces.';
  const bits = tokenBits(token);
  if (bits < MIN_TOKEN_BITS) {
    return `WHEELHOUSE_TOKEN holds at most ${bits} bits; it guards a shell, so it needs at least ${MIN_TOKEN_BITS} (32 hex or 22 base64url characters: \`openssl rand -hex 16\`). Unset it to get a random one.`;
  }
  return undefined;
}

export function createAuth(token: string, o: AuthOptions = {}): Auth {
  const problem = tokenProblem(token);
  if (problem) throw new Error(problem);
  const expected = Buffer.from(token);
  const portOf = (req: IncomingMessage) => req.socket?.localPort ?? 0;
  const names = new Set([...LOOPBACK_NAMES, ...(o.names ?? [])].map((n) => n.toLowerCase()));
  const matches = (given: string | undefined) => {
    if (!given) return false;
    const b = Buffer.from(given);
    return b.length === expected.length && timingSafeEqual(b, expected);
  };
  /** Every value of the token cookie: an old run's cookie (another Path) may come first. */
  const fromCookies = (req: IncomingMessage) => {
    const values: string[] = [];
    const cookieName = tokenCookie(portOf(req));
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [k, ...v] = part.trim().split('=');
      if (k !== cookieName) continue;
      try {
        values.push(decodeURIComponent(v.join('=')));
      } catch {
        // not percent-encoding: not a cookie this server set
      }
    }
    return values;
  };
  const fromHeader = (req: IncomingMessage) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

  return {
    token,
    allowed: (req) => matches(fromHeader(req)) || fromCookies(req).some(matches),
    sameOrigin(req) {
      const origin = req.headers.origin;
      if (origin === undefined) return true;
      return origin === `http://${req.headers.host}`;
    },
    knownHost(req) {
      // Node keeps the first of two Host headers; a proxy in between may have read the other.
      if ((req.rawHeaders ?? []).filter((h, i) => i % 2 === 0 && h.toLowerCase() === 'host').length > 1) return false;
      const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+):(\d{1,5})$/i.exec(req.headers.host ?? '');
      return !!m && names.has(m[1].toLowerCase()) && Number(m[2]) === portOf(req);
    },
    acceptStartUrl(req, res) {
      if (req.method !== 'GET') return false;
      const url = requestUrl(req);
      const given = url?.searchParams.get('token') ?? null;
      if (!url || given === null || url.pathname.startsWith('/api/')) return false;
      url.searchParams.delete('token');
      // Always a path on this server: "//host" or "/\host" would send the browser (and the page's
      // next request) to another site.
      const location = `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}`;
      if (!matches(given)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('This link has an old or wrong token. Open the URL that `npm start` printed last.\n이 링크의 토큰이 맞지 않습니다. `npm start`가 마지막으로 출력한 주소를 여세요.\n');
        return true;
      }
      res.writeHead(303, {
        location,
        // The token itself is out of reach of page scripts and goes only to /api/ (the API and the
        // terminal); a second cookie tells scripts the server is live, so a page on a static host
        // (or opened without the token) makes no API request at all.
        'set-cookie': [`${tokenCookie(portOf(req))}=${encodeURIComponent(token)}; Path=/api/; HttpOnly; SameSite=Strict`, `${liveCookie(portOf(req))}=1; Path=/; SameSite=Strict`],
        'cache-control': 'no-store',
      });
      res.end();
      return true;
    },
  };
}
