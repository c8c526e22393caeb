// Where things live in the repository. Computed from this file's location so the checker works
// from any current directory (npm scripts, the site build, tests).
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const defaultLabsDir = join(repoRoot, 'labs');

/** A path as a learner or author would type it: relative to the repository root when inside it. */
export function displayPath(path: string): string {
  const rel = relative(repoRoot, path);
  return rel.startsWith('..') ? path : rel;
}
