// Progress per lab and task, kept by the local server in .wheelhouse/progress.json. Every write goes
// to a temporary file that is flushed and then renamed over the old one, so a crash mid-write leaves
// the previous progress, never half a file. A file that cannot be read is set aside, not deleted.
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GradeResult } from '../../checker/engine/grade.ts';

export const PROGRESS_VERSION = 'wheelhouse.progress/v1';

export interface TaskProgress {
  /** The latest outcome: pass, fail, error or skipped. */
  outcome: string;
  /** When it first passed; kept when a later check fails (the learner did it once). */
  passedAt?: string;
}

export interface LabProgress {
  checkedAt: string;
  /** Points of the latest check, and the total of the tasks this cluster can grade. */
  score: number;
  total: number;
  /** Every task this cluster can grade passed in the latest check. */
  done: boolean;
  tasks: Record<string, TaskProgress>;
}

export interface ProgressFile {
  version: typeof PROGRESS_VERSION;
  labs: Record<string, LabProgress>;
}

const empty = (): ProgressFile => ({ version: PROGRESS_VERSION, labs: {} });

export class ProgressStore {
  readonly file: string;
  private writes: Promise<unknown> = Promise.resolve();
  private seq = 0;
  private warn: (message: string) => void;

  constructor(file: string, warn: (message: string) => void = (m) => console.warn(m)) {
    this.file = file;
    this.warn = warn;
  }

  async read(): Promise<ProgressFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return empty();
      throw err;
    }
    try {
      const data = JSON.parse(text) as ProgressFile;
      if (data?.version !== PROGRESS_VERSION || typeof data.labs !== 'object' || data.labs === null) throw new Error('not a progress file');
      return data;
    } catch {
      const aside = `${this.file}.unreadable-${Date.now()}`;
      await rename(this.file, aside).catch(() => {});
      this.warn(`The progress file ${this.file} could not be read; it was kept as ${aside} and progress starts again.`);
      return empty();
    }
  }

  /** Records a check's result; writes are serialised so two checks never interleave. */
  record(result: GradeResult, at = new Date()): Promise<LabProgress> {
    const next = this.writes.then(async () => {
      const data = await this.read();
      const before = data.labs[result.lab.id];
      const graded = result.tasks.filter((t) => !(t.outcome === 'skipped' && t.reason === 'needs-real-nodes'));
      const points = (id: string) => result.lab.tasks.find((t) => t.id === id)?.points ?? 0;
      const lab: LabProgress = {
        checkedAt: at.toISOString(),
        score: graded.filter((t) => t.outcome === 'pass').reduce((s, t) => s + points(t.id), 0),
        total: graded.reduce((s, t) => s + points(t.id), 0),
        done: graded.length > 0 && graded.every((t) => t.outcome === 'pass'),
        tasks: Object.fromEntries(
          result.tasks.map((t) => {
            const passedAt = before?.tasks[t.id]?.passedAt ?? (t.outcome === 'pass' ? at.toISOString() : undefined);
            return [t.id, passedAt ? { outcome: t.outcome, passedAt } : { outcome: t.outcome }];
          }),
        ),
      };
      data.labs[result.lab.id] = lab;
      await this.write(data);
      return lab;
    });
    this.writes = next.catch(() => {});
    return next;
  }

  private async write(data: ProgressFile): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${++this.seq}.tmp`;
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(`${JSON.stringify(data, null, 2)}\n`);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, this.file);
  }
}
