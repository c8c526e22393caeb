// The local server: the built site from dist/ (sirv), and — when `live` is given — the token-guarded
// JSON API under /api/ and the terminal WebSocket at /api/terminal. It does not listen by itself:
// start.ts (npm start), the tests and the benchmark choose the address.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import type { Auth } from './auth.ts';
import type { TerminalSessions } from './terminal.ts';

export interface LiveParts {
  auth: Auth;
  api: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>;
  terminals: TerminalSessions;
}

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
  const server = createServer((req, res) => {
    if (live) {
      if (live.auth.acceptStartUrl(req, res)) return;
      if (req.url?.startsWith('/api/')) {
        void live.api(req, res);
        return;
      }
    }
    serveStatic(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound);
    });
  });
  if (!live) return server;

  // The terminal: a WebSocket upgrade only with the token and from the page's own origin.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const refuse = (code: number, text: string) => {
      socket.end(`HTTP/1.1 ${code} ${text}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${text}\n`);
    };
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
