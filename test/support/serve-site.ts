// The local server as `npm start` runs it (serve(): the process guard, the address, its *.localhost
// name), on a throwaway site folder and progress file, for tests that must see the process survive
// what they send it. Prints one JSON line: {port, token, name, url, fallback}; stops on SIGTERM.
//
//   node test/support/serve-site.ts [--host 127.0.0.1]
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { serve } from '../../site/server/serve.ts';

const { values } = parseArgs({ options: { host: { type: 'string', default: '127.0.0.1' } } });
const dir = mkdtempSync(join(tmpdir(), 'wh-serve-site-'));
mkdirSync(join(dir, 'dist', 'en'), { recursive: true });
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>Wheelhouse</title><p>fixture</p>\n');
writeFileSync(join(dir, 'dist', 'en', 'index.html'), '<!doctype html><title>Wheelhouse</title><p>en</p>\n');
const served = await serve({ port: 0, host: values.host!, distDir: join(dir, 'dist'), progressFile: join(dir, 'progress.json') });
const { port } = served.server.address() as AddressInfo;
console.log(JSON.stringify({ port, token: served.auth.token, name: served.name, url: served.urls.url, fallback: served.urls.fallback ?? null }));
process.on('SIGTERM', () => {
  served.server.close();
  served.server.closeAllConnections();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
