// `npm start`: builds the course site if needed, then serves it on 127.0.0.1:4321 under a name of
// its own (http://wh-<random>.localhost:4321, see serve.ts) with the lab pages' terminal, Check and
// lab controls (token-guarded; the token is in the printed URL).
// Flags: --port N, --host ADDRESS (not loopback: a warning), --provider kind|kwok (for "Start lab").
import { parseArgs, styleText } from 'node:util';
import { join } from 'node:path';
import { build, needsBuild } from './build.ts';
import { LOOPBACK_HOSTS, serve } from './serve.ts';
import { tokenProblem } from './auth.ts';
import { repoRoot } from '../../checker/use-cases.ts';

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
const loopback = LOOPBACK_HOSTS.includes(values.host!);
const weak = process.env.WHEELHOUSE_TOKEN ? tokenProblem(process.env.WHEELHOUSE_TOKEN) : undefined;
if (weak) {
  console.error(weak);
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

let served;
try {
  served = await serve({ port, host: values.host!, distDir, provider: values.provider as 'kind' | 'kwok' | undefined });
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  console.error(err.code === 'EADDRINUSE' ? `Port ${port} on ${values.host} is already in use: try --port.` : err.message);
  process.exit(err.code ? 1 : 64);
}
const { server, urls } = served;
console.log(`Wheelhouse is ready: ${styleText('bold', urls.url)}`);
console.log('Open that link: the token in it unlocks the terminal and the Check button for this run.');
if (loopback && urls.fallback) {
  console.log(`If your browser cannot open *.localhost names, use ${urls.fallback} (its cookie then also reaches other servers on that address).`);
}
if (!loopback) {
  console.warn(styleText('yellow', `Warning: listening on ${values.host}, not only on this machine. Anyone who can reach it and has the link gets a shell as ${process.env.USER ?? 'you'}. Share the link only with people you trust.`));
}
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 3000).unref();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
