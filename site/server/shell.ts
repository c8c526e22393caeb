// What the lab terminal runs: bash (whatever $SHELL is, so that its start-up is the project's) with
// lab-shell.bashrc, which reads the user's ~/.bashrc and then points kubectl at the lab cluster
// again. Its environment is an allowlist: the server may hold cloud credentials, an SSH agent or
// its own token, and none of that belongs in a shell a web page can type into (#14).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOnPath } from '../../checker/use-cases.ts';

export const LAB_RC = join(dirname(fileURLToPath(import.meta.url)), 'lab-shell.bashrc');

/** Variables the shell gets from the server's environment; every other one stays behind. */
export const SHELL_ENV_ALLOWLIST = [
  'HOME', 'USER', 'LOGNAME', 'PATH', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR',
  'EDITOR', 'VISUAL', 'KUBE_EDITOR', 'PAGER',
  // A machine behind a proxy needs these for downloads (kind images, kwokctl, npm).
  'http_proxy', 'https_proxy', 'no_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY',
  // Where `npm run lab` and `npm run check` in the terminal find Wheelhouse's binaries and Docker.
  'XDG_CACHE_HOME', 'WHEELHOUSE_CACHE', 'DOCKER_HOST',
];

export interface LabShell {
  shell: string;
  args: string[];
  env: Record<string, string>;
}

export interface LabShellOptions {
  /** The server's environment, to take the allowed variables from. */
  env: NodeJS.ProcessEnv;
  /** Wheelhouse's kubeconfig for the lab cluster. */
  kubeconfig: string;
  /** The project's kubectl folder (the cluster's version), put first on PATH. */
  binDir?: string;
}

export function shellEnv(o: LabShellOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.env)) {
    if (v !== undefined && (SHELL_ENV_ALLOWLIST.includes(k) || k.startsWith('LC_'))) env[k] = v;
  }
  return {
    ...env,
    TERM: 'xterm-256color',
    COLORTERM: 'truecolor',
    // Also set before the rc file runs: a ~/.bashrc that execs another shell keeps the lab cluster.
    KUBECONFIG: o.kubeconfig,
    WHEELHOUSE_KUBECONFIG: o.kubeconfig,
    ...(o.binDir ? { WHEELHOUSE_KUBE_BIN: o.binDir, PATH: `${o.binDir}:${env.PATH ?? '/usr/bin:/bin'}` } : {}),
    KUBERC: 'off',
  };
}

export function labShell(o: LabShellOptions): LabShell {
  const bash = existsSync('/bin/bash') ? '/bin/bash' : findOnPath('bash', o.env);
  if (!bash) throw new Error('The lab terminal needs bash, and there is none in /bin or on PATH.');
  return { shell: bash, args: ['--rcfile', LAB_RC, '-i'], env: { ...shellEnv(o), SHELL: bash } };
}
