// Puts the local server together: static site + token + API + terminals + progress file.
// Used by `npm start`, the browser tests and the terminal benchmark.
import { join } from 'node:path';
import type { Server } from 'node:http';
import { repoRoot } from '../../checker/lab/paths.ts';
import { resolveKubeconfig } from '../../checker/cluster/kubeconfig.ts';
import { localKubeBinDir } from '../../checker/providers/kwok.ts';
import { realSystem } from '../../checker/providers/system.ts';
import { createAuth, newToken, type Auth } from './auth.ts';
import { createApi } from './api.ts';
import { createSiteServer } from './http.ts';
import { ProgressStore } from './progress-store.ts';
import { TerminalSessions } from './terminal.ts';

export interface LiveServerOptions {
  port: number;
  distDir?: string;
  /** Default: a new random token (WHEELHOUSE_TOKEN fixes it, for tests). */
  token?: string;
  env?: NodeJS.ProcessEnv;
  provider?: 'kind' | 'kwok';
  progressFile?: string;
}

export interface LiveServer {
  server: Server;
  auth: Auth;
  terminals: TerminalSessions;
  progress: ProgressStore;
}

export function createLiveServer(o: LiveServerOptions): LiveServer {
  const env = o.env ?? process.env;
  const auth = createAuth(o.token ?? env.WHEELHOUSE_TOKEN ?? newToken(), o.port);
  const progress = new ProgressStore(o.progressFile ?? env.WHEELHOUSE_PROGRESS_FILE ?? join(repoRoot, '.wheelhouse', 'progress.json'));
  const kubeconfig = resolveKubeconfig(undefined, env).path;
  const bin = localKubeBinDir();
  const terminals = new TerminalSessions({
    shell: env.SHELL || '/bin/bash',
    cwd: repoRoot,
    env: {
      ...env,
      KUBECONFIG: kubeconfig,
      WHEELHOUSE_KUBECONFIG: kubeconfig,
      // The project's kubectl (the cluster's version) before any other.
      PATH: bin ? `${bin}:${env.PATH ?? ''}` : (env.PATH ?? ''),
      TERM: 'xterm-256color',
      WHEELHOUSE_TOKEN: '',
    },
  });
  const api = createApi({ auth, progress, labsDir: join(repoRoot, 'labs'), sys: { ...realSystem, env }, provider: o.provider });
  const server = createSiteServer(o.distDir ?? join(repoRoot, 'dist'), { auth, api, terminals });
  return { server, auth, terminals, progress };
}
