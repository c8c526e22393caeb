// The local HTTP server: static files from dist/ (sirv). The terminal issue adds a WebSocket and a
// JSON API next to it, so the request handler is built here and the listening is done by the caller.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

export function createSiteServer(distDir: string): Server {
  const notFound = (() => {
    try {
      return readFileSync(join(distDir, '404.html'));
    } catch {
      return Buffer.from('Not found');
    }
  })();
  const serveStatic = sirv(distDir, { dev: false, etag: true, extensions: ['html'] });
  return createServer((req, res) => {
    serveStatic(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound);
    });
  });
}
