// `npm start`: builds the course site if needed, then serves it on http://127.0.0.1:4321 with the
// lab pages' terminal, Check and lab controls (token-guarded; the token is in the printed URL).
// Flags: --port N, --host ADDRESS (not loopback: a warning), --provider kind|kwok (for "Start lab").
import { parseArgs, styleText } from 'node:util';
import { join } from 'node:path';
import { repoRoot } from '../../checker/lab/paths.ts';
import { build, needsBuild } from './build.ts';
import { createLiveServer } from './live.ts';

const USAGE = 'Usage: npm start -- [--port 4321] [--host 127.0.0.1] [--provider kind|kwok]';

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '4321' },
      host: { type: 'string', default: '127.0.0.1' },
      provider: { type: 'string' },
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

if (values.provider !== undefined && values.provider !== 'kind' && values.provider !== 'kwok') {
  console.error(`--provider must be kind or kwok, not "${values.provider}".\n${USAGE}`);
  process.exit(64);
}
const loopback = ['127.0.0.1', 'localhost', '::1'].includes(values.host!);

const distDir = join(repoRoot, 'dist');
if (await needsBuild(repoRoot, distDir)) {
  console.log('Building the course site (astro build)…');
  const code = build(repoRoot);
  if (code !== 0) {
    console.error('The site build failed; see the errors above.');
    process.exit(1);
  }
}

const { server, auth } = createLiveServer({ port, distDir, provider: values.provider as 'kind' | 'kwok' | undefined });
server.on('error', (e: NodeJS.ErrnoException) => {
  console.error(e.code === 'EADDRINUSE' ? `Port ${port} on ${values.host} is already in use: try --port.` : e.message);
  process.exit(1);
});
server.listen(port, values.host, () => {
  const shown = loopback ? '127.0.0.1' : values.host;
  console.log(`Wheelhouse is ready: ${styleText('bold', `http://${shown}:${port}/?token=${auth.token}`)}`);
  console.log('Open that link: the token in it unlocks the terminal and the Check button for this run.');
  if (!loopback) {
    console.warn(styleText('yellow', `Warning: listening on ${values.host}, not only on this machine. Anyone who can reach it and has the link gets a shell as ${process.env.USER ?? 'you'}. Share the link only with people you trust.`));
  }
});
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 3000).unref();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
