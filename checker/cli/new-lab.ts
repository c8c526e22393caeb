// `npm run new:lab -- lab-27-short-name [--module N]`: copies labs/_template/ into a new lab
// folder, putting the new id where the template says lab-00.
import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLabsDir, displayPath } from '../core/paths.ts';

export const TEMPLATE_ID = 'lab-00';
const USAGE = 'usage: npm run new:lab -- lab-NN-short-name [--module N]     e.g. npm run new:lab -- lab-27-pod-security --module 9';

export interface NewLabResult {
  code: number;
  message: string;
  dir?: string;
}

export async function newLab(argv: string[], labsDir = defaultLabsDir): Promise<NewLabResult> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { module: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    return { code: 64, message: `${(err as Error).message}\n${USAGE}` };
  }
  if (parsed.values.help) return { code: 0, message: USAGE };
  if (parsed.positionals.length !== 1) return { code: 64, message: `Name the new lab folder.\n${USAGE}` };
  const folder = parsed.positionals[0];
  const m = /^(lab-(\d{2}))-[a-z0-9]+(?:-[a-z0-9]+)*$/.exec(folder);
  if (!m) return { code: 64, message: `"${folder}" is not a lab folder name: "lab-", two digits, then a short kebab-case name (lab-27-pod-security).\n${USAGE}` };
  const id = m[1];
  if (id === TEMPLATE_ID) return { code: 64, message: `${TEMPLATE_ID} is the template's placeholder; pick a free number.` };

  const moduleText = parsed.values.module ?? '1';
  const module = Number(moduleText);
  if (!Number.isInteger(module) || module < 1 || module > 16) return { code: 64, message: `--module takes the course module number, 1–16, not "${moduleText}".` };

  const existing = (await readdir(labsDir)).filter((f) => f.startsWith(`${id}-`));
  if (existing.length) return { code: 64, message: `${id} is taken by ${displayPath(join(labsDir, existing[0]))}/. Pick a free number.` };
  const dir = join(labsDir, folder);
  if (existsSync(dir)) return { code: 64, message: `${displayPath(dir)} already exists.` };

  const template = join(labsDir, '_template');
  await cp(template, dir, { recursive: true, errorOnExist: true, force: false });
  for (const file of await filesUnder(dir)) {
    const text = await readFile(file, 'utf8');
    let out = text.replaceAll(TEMPLATE_ID, id);
    if (file.endsWith('lab.yaml')) out = out.replace(/^module: \d+$/m, `module: ${module}`);
    if (out !== text) await writeFile(file, out);
  }
  const shown = displayPath(dir);
  return {
    code: 0,
    dir,
    message: [
      `Created ${shown}/ from labs/_template/.`,
      'Next:',
      `  1. describe the tasks in ${shown}/lab.yaml (en and ko)`,
      `  2. write the starting state in ${shown}/setup/`,
      `  3. write one check per task in ${shown}/checks.ts`,
      `  4. write ${shown}/solution/solve.sh, alt-*.sh and two mistake-*.sh`,
      '  5. npm test proves the start fails, the solutions pass and the mistakes fail',
    ].join('\n'),
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

if (import.meta.main) {
  const result = await newLab(process.argv.slice(2));
  (result.code === 0 ? process.stdout : process.stderr).write(`${result.message}\n`);
  process.exitCode = result.code;
}
