// Puts the local server together: static site + token + API + terminals + progress file.
// Used by `npm start`, the browser tests and the terminal benchmark.
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createAuth, newToken, type Auth } from './auth.ts';
import { createApi } from './api.ts';
import { createSiteServer } from './http.ts';
import { ProgressStore } from './progress-store.ts';
import { TerminalSessions } from './terminal.ts';
import { labShell } from './shell.ts';
import { localKubeBinDir, repoRoot, resolveKubeconfig, realSystem } from '../../checker/use-cases.ts';

export interface LiveServerOptions {
  port: number;
  distDir?: string;
  /** Default: a new random token (WHEELHOUSE_TOKEN fixes it, for tests). */
  token?: string;
  env?: NodeJS.ProcessEnv;
  provider?: 'kind' | 'kwok';
  progressFile?: string;
  /** Host names the server answers to besides 127.0.0.1, localhost and [::1] (its *.localhost name, a --host address). */
  names?: string[];
}

export interface LiveServer {
  server: Server;
  auth: Auth;
  terminals: TerminalSessions;
  progress: ProgressStore;
}

export function createLiveServer(o: LiveServerOptions): LiveServer {
  const env = o.env ?? process.env;
  const auth = createAuth(o.token ?? (env.WHEELHOUSE_TOKEN || newToken()), { names: o.names });
  const progress = new ProgressStore(o.progressFile ?? env.WHEELHOUSE_PROGRESS_FILE ?? join(repoRoot, '.wheelhouse', 'progress.json'));
  const kubeconfig = resolveKubeconfig(undefined, env).path;
  const terminals = new TerminalSessions({ ...labShell({ env, kubeconfig, binDir: localKubeBinDir() }), cwd: repoRoot });
  const api = createApi({ auth, progress, labsDir: join(repoRoot, 'labs'), sys: { ...realSystem, env }, provider: o.provider });
  const server = createSiteServer(o.distDir ?? join(repoRoot, 'dist'), { auth, api, terminals });
  return { server, auth, terminals, progress };
}
