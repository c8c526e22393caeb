// `npm start`: builds the course site if needed, then serves it on http://127.0.0.1:4321.
// Flags: --port N, --host ADDRESS.
import { parseArgs, styleText } from 'node:util';
import { join } from 'node:path';
import { repoRoot } from '../../checker/lab/paths.ts';
import { build, needsBuild } from './build.ts';
import { createSiteServer } from './http.ts';

const USAGE = 'Usage: npm start -- [--port 4321] [--host 127.0.0.1]';

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '4321' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(64);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}".\n${USAGE}`);
  process.exit(64);
}

const distDir = join(repoRoot, 'dist');
if (await needsBuild(repoRoot, distDir)) {
  console.log('Building the course site (astro build)…');
  const code = build(repoRoot);
  if (code !== 0) {
    console.error('The site build failed; see the errors above.');
    process.exit(1);
  }
}

const server = createSiteServer(distDir);
server.on('error', (e: NodeJS.ErrnoException) => {
  console.error(e.code === 'EADDRINUSE' ? `Port ${port} on ${values.host} is already in use: try --port.` : e.message);
  process.exit(1);
});
server.listen(port, values.host, () => {
  console.log(`Wheelhouse is ready: ${styleText('bold', `http://${values.host}:${port}/`)}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
