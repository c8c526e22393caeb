// The one way to read labs: finds labs/lab-NN-name/ folders, parses lab.yaml, validates it with
// labSchema and explains any problem with the file, the field path, the line and the fix.
// Used by the checker CLI, the lifecycle commands and the site.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { labIdSchema, labSchema, type Lab } from './schema.ts';
import { defaultLabsDir, displayPath } from '../core/paths.ts';
import { printable } from '../core/i18n.ts';
import { formatProblems, problemsFromIssues, type Problem } from './problems.ts';

/** A validated lab and where it lives. */
export type LoadedLab = Lab & {
  /** The namespace the lab works in: lab.yaml's `namespace`, else the lab id. */
  namespace: string;
  /** Absolute path of the lab folder. */
  dir: string;
  /** Folder name, e.g. lab-07-rolling-update. */
  folder: string;
  /** Absolute path of lab.yaml. */
  file: string;
};

export type LabErrorCode = 'invalid-id' | 'unknown-lab' | 'malformed' | 'duplicate';

/** A lab that cannot be used. `message` is the full friendly text; `problems` the details for malformed files. */
export class LabError extends Error {
  readonly code: LabErrorCode;
  readonly file?: string;
  readonly problems: Problem[];
  constructor(code: LabErrorCode, message: string, opts: { file?: string; problems?: Problem[]; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'LabError';
    this.code = code;
    this.file = opts.file;
    this.problems = opts.problems ?? [];
  }
}

const FOLDER = /^(lab-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every lab, sorted by id. Throws LabError if any lab folder is malformed: a broken lab must fail the build, not vanish. */
export async function listLabs(labsDir = defaultLabsDir): Promise<LoadedLab[]> {
  const folders = await labFolders(labsDir);
  const labs = await Promise.all(folders.map((f) => readLab(labsDir, f)));
  const seen = new Map<string, string>();
  for (const lab of labs) {
    const other = seen.get(lab.id);
    if (other) throw duplicate(lab.id, [other, lab.folder], labsDir);
    seen.set(lab.id, lab.folder);
  }
  return labs.sort((a, b) => a.id.localeCompare(b.id));
}

/** One lab by id (lab-07). The id is checked before the file system is touched, so `../../etc` never reaches a path. */
export async function loadLab(id: string, labsDir = defaultLabsDir): Promise<LoadedLab> {
  if (!labIdSchema.safeParse(id).success) {
    throw new LabError('invalid-id', `"${printable(id)}" is not a lab id: a lab id is "lab-" and two digits, like lab-07.`);
  }
  const folders = await labFolders(labsDir);
  const matching = folders.filter((f) => f.startsWith(`${id}-`));
  if (matching.length === 0) {
    const known = folders.map((f) => FOLDER.exec(f)![1]);
    const list = known.length ? `The labs are ${known.join(', ')}.` : `There are no labs in ${displayPath(labsDir)}.`;
    throw new LabError('unknown-lab', `There is no lab ${id}. ${list}`);
  }
  if (matching.length > 1) throw duplicate(id, matching, labsDir);
  return readLab(labsDir, matching[0]);
}

async function labFolders(labsDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(labsDir, { withFileTypes: true });
  } catch (cause) {
    throw new LabError('malformed', `Cannot read the labs folder ${displayPath(labsDir)}.`, { cause });
  }
  const folders: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || !e.name.startsWith('lab-')) continue;
    if (!FOLDER.test(e.name)) {
      throw new LabError(
        'malformed',
        `${displayPath(join(labsDir, e.name))}/: a lab folder is named "lab-", two digits and a short kebab-case name, like lab-07-rolling-update.`,
      );
    }
    folders.push(e.name);
  }
  return folders.sort();
}

async function readLab(labsDir: string, folder: string): Promise<LoadedLab> {
  const dir = join(labsDir, folder);
  const file = join(dir, 'lab.yaml');
  const shown = displayPath(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new LabError('malformed', formatProblems(shown, [{ path: '', message: 'the file is missing or unreadable', fix: 'copy labs/_template/lab.yaml (or run `npm run new:lab`)' }]), { file, cause });
  }

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    const problems = doc.errors.map((e) => ({
      path: '',
      line: lines.linePos(e.pos[0]).line,
      message: `YAML syntax: ${e.message.split('\n')[0]}`,
      fix: 'fix the YAML syntax (indent with spaces; quote text that contains ": " or starts with a special character)',
    }));
    throw new LabError('malformed', formatProblems(shown, problems), { file, problems });
  }

  const data = doc.toJS();
  const parsed = labSchema.safeParse(data);
  const problems = parsed.success ? [] : problemsFromIssues(parsed.error.issues, data, labSchema, doc, lines);
  const folderId = FOLDER.exec(folder)![1];
  const writtenId = (data as { id?: unknown } | null)?.id;
  if (typeof writtenId === 'string' && labIdSchema.safeParse(writtenId).success && writtenId !== folderId) {
    problems.push({
      path: 'id',
      line: lineOfKey(doc, lines, 'id'),
      message: `"${writtenId}" does not match the folder ${folder}/`,
      fix: `write \`id: ${folderId}\`, or rename the folder to start with ${writtenId}-`,
    });
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
  if (problems.length) throw new LabError('malformed', formatProblems(shown, problems), { file, problems });

  const lab = parsed.data!;
  return { ...lab, namespace: lab.namespace ?? lab.id, dir, folder, file };
}

function lineOfKey(doc: ReturnType<typeof parseDocument>, lines: LineCounter, key: string): number | undefined {
  const node = doc.get(key, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? lines.linePos(node.range[0]).line : undefined;
}

function duplicate(id: string, folders: string[], labsDir: string): LabError {
  return new LabError(
    'duplicate',
    `Two lab folders claim ${id}: ${folders.map((f) => `${displayPath(join(labsDir, f))}/`).join(' and ')}. Give one of them a free number.`,
  );
}

