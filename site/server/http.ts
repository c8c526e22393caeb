// The local server: the built site from dist/ (sirv), and — when `live` is given — the token-guarded
// JSON API under /api/ and the terminal WebSocket at /api/terminal. It does not listen by itself:
// serve.ts (npm start), the tests and the benchmark choose the address.
//
// Anyone who can reach the port chooses what it is sent (a web page can, through an <img>): a
// request it cannot read is answered 400, a Host that is not this server 421, and nothing a
// request holds may throw out of a handler (#14).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import type { Auth } from './auth.ts';
import { requestUrl } from './request.ts';
import type { TerminalSessions } from './terminal.ts';

export interface LiveParts {
  auth: Auth;
  api: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  terminals: TerminalSessions;
}

/** On every answer: no page of this server may be framed by another (clickjacking the terminal), nor leak its URL. */
export const SECURITY_HEADERS: Record<string, string> = {
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function plain(res: ServerResponse, code: number, text: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(`${text}\n`);
}

const MISDIRECTED = 'This server answers only to the name in the link `npm start` printed (or 127.0.0.1, localhost, [::1]).';

export function createSiteServer(distDir: string, live?: LiveParts): Server {
  const notFound = (() => {
    try {
      return readFileSync(join(distDir, '404.html'));
    } catch {
      return Buffer.from('Not found');
    }
  })();
  // dev: files are looked up per request, not listed once at start: a site rebuilt while the
  // server runs (an author's `npm run build`) is served as it now is, not with stale sizes.
  const serveStatic = sirv(distDir, { dev: true, etag: true, extensions: ['html'] });
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (!requestUrl(req)) return plain(res, 400, 'Bad request: the address is not a path on this server.');
    if (live) {
      if (!live.auth.knownHost(req)) return plain(res, 421, MISDIRECTED);
      if (live.auth.acceptStartUrl(req, res)) return;
      if (req.url!.startsWith('/api/')) {
        live.api(req, res).catch((err) => {
          console.error('wheelhouse: API request failed:', err);
          plain(res, 500, 'Internal error (see the server log).');
        });
        return;
      }
    }
    serveStatic(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound);
    });
  };
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      console.error('wheelhouse: request failed:', err);
      plain(res, 400, 'Bad request.');
    }
  });
  if (!live) return server;

  // The terminal: a WebSocket upgrade only with the token and from the page's own origin.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (code: number, text: string) => {
      socket.end(`HTTP/1.1 ${code} ${text}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${text}\n`);
    };
    const url = requestUrl(req);
    if (!url) return refuse(400, 'Bad Request');
    if (!live.auth.knownHost(req)) return refuse(421, 'Misdirected Request');
    if (url.pathname !== '/api/terminal') return refuse(404, 'Not Found');
    if (!live.auth.allowed(req)) return refuse(401, 'Unauthorized');
    if (!live.auth.sameOrigin(req) || req.headers.origin === undefined) return refuse(403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const size = (name: string) => {
        const n = Number(url.searchParams.get(name));
        return Number.isInteger(n) && n >= 2 && n <= 1000 ? n : undefined;
      };
      live.terminals.attach(ws, { session: url.searchParams.get('session'), cols: size('cols'), rows: size('rows') });
    });
  };
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that resets the connection mid-upgrade is no error of ours.
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head);
    } catch (err) {
      console.error('wheelhouse: terminal upgrade failed:', err);
      socket.destroy();
    }
  });
  // Stopping the server ends every shell and drops the sockets (upgraded sockets would otherwise
  // keep server.close() waiting forever).
  const close = server.close.bind(server);
  server.close = ((cb?: (err?: Error) => void) => {
    live.terminals.endAll();
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    return close(cb);
  }) as typeof server.close;
  return server;
}
