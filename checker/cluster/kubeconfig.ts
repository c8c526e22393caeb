// Which kubeconfig Wheelhouse uses. Its own, never ~/.kube/config: a learner's real clusters are
// out of reach unless they name a file on purpose. Shared by `check` and the lifecycle commands.
import { isAbsolute, join, resolve } from 'node:path';
import { repoRoot } from '../core/paths.ts';

export const KUBECONFIG_ENV = 'WHEELHOUSE_KUBECONFIG';
export const defaultKubeconfig = join(repoRoot, '.wheelhouse', 'kubeconfig');

export interface KubeconfigChoice {
  path: string;
  /** Where the choice came from, for messages: "--kubeconfig", "WHEELHOUSE_KUBECONFIG" or "default". */
  source: 'flag' | 'env' | 'default';
}

/** `--kubeconfig PATH`, else $WHEELHOUSE_KUBECONFIG, else .wheelhouse/kubeconfig in the repository. */
export function resolveKubeconfig(flag?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): KubeconfigChoice {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  if (flag) return { path: abs(flag), source: 'flag' };
  const fromEnv = env[KUBECONFIG_ENV];
  if (fromEnv) return { path: abs(fromEnv), source: 'env' };
  return { path: defaultKubeconfig, source: 'default' };
}
