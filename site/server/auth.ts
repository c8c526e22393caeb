// The per-run token that guards the terminal and the API (like Jupyter's): printed in the start URL,
// swapped for a cookie on the first visit, accepted as `Authorization: Bearer <token>` from scripts.
// WebSocket upgrades and API writes must also come from the page's own origin.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Auth {
  token: string;
  cookieName: string;
  /** True when the request carries the token (header, cookie or ?token=). */
  allowed(req: IncomingMessage): boolean;
  /** True when the request has no Origin (not a browser) or its Origin is this server. */
  sameOrigin(req: IncomingMessage): boolean;
  /** A page visit with ?token=: sets the cookie and redirects to the same URL without it. Returns true when handled. */
  acceptStartUrl(req: IncomingMessage, res: ServerResponse): boolean;
}

/** The cookie page scripts read to know the local server is live for them (see site/live/api.ts). */
export const liveCookie = (port: number) => `wheelhouse-live-${port}`;

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function createAuth(token: string, port: number): Auth {
  const expected = Buffer.from(token);
  // Cookies are not separated by port: two servers on one machine must not read each other's.
  const cookieName = `wheelhouse-token-${port}`;
  const matches = (given: string | undefined) => {
    if (!given) return false;
    const b = Buffer.from(given);
    return b.length === expected.length && timingSafeEqual(b, expected);
  };
  const fromCookie = (req: IncomingMessage) => {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [k, ...v] = part.trim().split('=');
      if (k === cookieName) return decodeURIComponent(v.join('='));
    }
    return undefined;
  };
  const fromQuery = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? undefined;
  const fromHeader = (req: IncomingMessage) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

  return {
    token,
    cookieName,
    allowed: (req) => matches(fromHeader(req)) || matches(fromCookie(req)) || matches(fromQuery(req)),
    sameOrigin(req) {
      const origin = req.headers.origin;
      if (origin === undefined) return true;
      return origin === `http://${req.headers.host}`;
    },
    acceptStartUrl(req, res) {
      if (req.method !== 'GET') return false;
      const url = new URL(req.url ?? '/', 'http://x');
      const given = url.searchParams.get('token');
      if (given === null || url.pathname.startsWith('/api/')) return false;
      url.searchParams.delete('token');
      const location = url.pathname + (url.search || '');
      if (!matches(given)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('This link has an old or wrong token. Open the URL that `npm start` printed last.\n이 링크의 토큰이 맞지 않습니다. `npm start`가 마지막으로 출력한 주소를 여세요.\n');
        return true;
      }
      res.writeHead(303, {
        location,
        // The token itself is out of reach of page scripts; a second cookie tells them the server is live,
        // so a page on a static host (or opened without the token) makes no API request at all.
        'set-cookie': [`${cookieName}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`, `${liveCookie(port)}=1; Path=/; SameSite=Strict`],
        'cache-control': 'no-store',
      });
      res.end();
      return true;
    },
  };
}
