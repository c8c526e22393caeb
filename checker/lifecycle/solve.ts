// `lab solve lab-07 [--with alt-declarative|mistake-x]`: runs one of the lab's solution scripts
// with bash, the way a learner would type it: KUBECONFIG set to Wheelhouse's, the project's
// kubectl first on PATH, the lab folder as the working directory.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedLab } from '../lab/load.ts';
import { displayPath } from '../core/paths.ts';
import type { RunResult, System } from '../providers/system.ts';
import { kubectlEnv, type KubectlTarget } from './kubectl.ts';
import { LifecycleError } from '../core/errors.ts';

export interface SolutionScript {
  /** solve, alt-declarative, mistake-percent-surge … */
  name: string;
  kind: 'reference' | 'alternative' | 'mistake';
  file: string;
  /** mistake-*.sh: the tasks it must fail, from its first comment line `# fails: a/clause, b`. */
  fails: string[];
  /** mistake-*.sh: the clauses it breaks, as `task/clause` (the entries of the fails line that name one). */
  clauses: string[];
  /**
   * mistake-*.sh: where its blame falls on real nodes when that differs (a line `# on real nodes
   * fails: task/clause`): a broken probe, say, also stalls a rollout that an earlier task grades.
   */
  onRealNodes?: { fails: string[]; clauses: string[] };
}

const SCRIPT = /^(solve|alt-[a-z0-9-]+|mistake-[a-z0-9-]+)\.sh$/;

/** The entries of the first comment line after the shebang, if it says `# fails: task-a/clause, task-b`. */
export function failsEntries(text: string): string[] | undefined {
  const first = text.split('\n').find((l) => l.startsWith('#') && !l.startsWith('#!'));
  const m = first && /^#\s*fails:\s*(.+)$/.exec(first.trim());
  return m ? m[1].split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

/** The entries of a line `# on real nodes fails: task/clause` (see SolutionScript.onRealNodes), if there is one. */
export function realNodeFailsEntries(text: string): string[] | undefined {
  const line = text.split('\n').find((l) => /^#\s*on real nodes fails:/.test(l.trim()));
  return line?.trim().replace(/^#\s*on real nodes fails:\s*/, '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** The tasks a mistake must fail: `# fails: web-scaled/replicas, web-ready` → web-scaled, web-ready. */
export function failsLine(text: string): string[] | undefined {
  const entries = failsEntries(text);
  return entries && [...new Set(entries.map((e) => e.split('/')[0]))];
}

/** The lab's solution scripts: solve.sh, alt-*.sh, mistake-*.sh (in name order). */
export async function solutionScripts(lab: LoadedLab): Promise<SolutionScript[]> {
  const dir = join(lab.dir, 'solution');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => SCRIPT.test(f)).sort();
  return Promise.all(
    names.map(async (f) => {
      const name = f.replace(/\.sh$/, '');
      const file = join(dir, f);
      const kind = name === 'solve' ? 'reference' : name.startsWith('alt-') ? 'alternative' : 'mistake';
      const text = kind === 'mistake' ? await readFile(file, 'utf8') : '';
      const entries = failsEntries(text) ?? [];
      const fails = [...new Set(entries.map((e) => e.split('/')[0]))];
      const clauses = entries.filter((e) => e.includes('/'));
      const real = realNodeFailsEntries(text);
      const onRealNodes = real && { fails: [...new Set(real.map((e) => e.split('/')[0]))], clauses: real.filter((e) => e.includes('/')) };
      return { name, kind, file, fails, clauses, onRealNodes } satisfies SolutionScript;
    }),
  );
}

/** The script `--with NAME` names (default solve), or a usage error listing the ones there are. */
export async function findSolution(lab: LoadedLab, name = 'solve'): Promise<SolutionScript> {
  const scripts = await solutionScripts(lab);
  const found = scripts.find((s) => s.name === name || `${s.name}.sh` === name);
  if (!found) {
    throw new LifecycleError('usage', 'noSuchSolution', { lab: lab.id, name, folder: displayPath(join(lab.dir, 'solution')), choices: scripts.map((s) => s.name).join(', ') || '-' });
  }
  return found;
}

export async function runSolution(t: KubectlTarget, lab: LoadedLab, script: SolutionScript, sys: System, onLine?: (line: string, stream: 'stdout' | 'stderr') => void): Promise<RunResult> {
  return sys.run('bash', [script.file], { cwd: lab.dir, env: kubectlEnv(t, sys.env), onLine, timeoutMs: 10 * 60_000 });
}
