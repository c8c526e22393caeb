// Where things live in the repository. Computed from this file's location so the checker works
// from any current directory (npm scripts, the site build, tests).
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const defaultLabsDir = join(repoRoot, 'labs');

/** A path as a learner or author would type it: relative to the repository root when inside it. */
export function displayPath(path: string): string {
  const rel = relative(repoRoot, path);
  return rel.startsWith('..') ? path : rel;
}

/** The pinned versions of tools/kube/versions.env (KUBE_VERSION, ETCD_VERSION, KWOK_VERSION, …). */
function pinnedVersions(): Record<string, string> {
  const env = readFileSync(join(repoRoot, 'tools', 'kube', 'versions.env'), 'utf8');
  return Object.fromEntries([...env.matchAll(/^(\w+)=(\S+)/gm)].map((m) => [m[1], m[2]]));
}

export function kubeVersion(): string {
  return pinnedVersions().KUBE_VERSION;
}

/** Finds the folder of locally built binaries: tools/kube/build.sh's cache. Undefined if not built. */
export function localKubeBinDir(): string | undefined {
  const v = pinnedVersions();
  const cacheRoot = process.env.WHEELHOUSE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'wheelhouse');
  const dir = join(cacheRoot, 'kube', `${v.KUBE_VERSION}-etcd${v.ETCD_VERSION}-kwok${v.KWOK_VERSION}`, 'bin');
  return existsSync(join(dir, '.complete')) ? dir : undefined;
}
