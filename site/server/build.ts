// Builds the static site when dist/ is missing or older than any source it is made from.
import { spawnSync } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const SOURCES = ['content', 'labs', 'site', 'checker/lab', 'astro.config.mjs'];

/** Newest modification time (ms) of a file or of any file under a folder; 0 if it does not exist. */
async function newest(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true });
  const times = await Promise.all(entries.filter((e) => e.name !== 'node_modules').map((e) => newest(join(path, e.name))));
  return Math.max(info.mtimeMs, ...times);
}

export async function needsBuild(root: string, distDir: string): Promise<boolean> {
  const built = await stat(join(distDir, 'index.html')).then((s) => s.mtimeMs, () => 0);
  if (!built) return true;
  const sources = await Promise.all(SOURCES.map((s) => newest(join(root, s))));
  return Math.max(...sources) > built;
}

/** Runs `astro build` in the project root; returns its exit code. */
export function build(root: string): number {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}
