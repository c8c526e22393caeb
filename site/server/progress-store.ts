// Progress per lab and task, kept by the local server in .wheelhouse/progress.json. Every write goes
// to a temporary file that is flushed and then renamed over the old one, so a crash mid-write leaves
// the previous progress, never half a file. A file that cannot be read is set aside, not deleted.
import { randomBytes } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { type GradeResult, writeFileAtomic } from '../../checker/use-cases.ts';

export const PROGRESS_VERSION = 'wheelhouse.progress/v1';

export const taskProgressSchema = z.object({
  outcome: z.string().describe('The latest outcome: pass, fail, error or skipped.'),
  passedAt: z.string().optional().describe('When it first passed; kept when a later check fails (the learner did it once).'),
});
export type TaskProgress = z.infer<typeof taskProgressSchema>;

export const labProgressSchema = z.object({
  checkedAt: z.string().describe('When the latest check ran (ISO 8601).'),
  score: z.number().describe('Points of the latest check.'),
  total: z.number().describe('Points of the tasks this cluster can grade.'),
  done: z.boolean().describe('Every task this cluster can grade passed in the latest check.'),
  tasks: z.record(z.string(), taskProgressSchema).describe('Each task by id.'),
});
export type LabProgress = z.infer<typeof labProgressSchema>;

/** .wheelhouse/progress.json. Checked on every read: a file of the right version but the wrong shape would otherwise answer 500s or stop saving (#14). */
export const progressFileSchema = z.object({
  version: z.literal(PROGRESS_VERSION).describe('The format of this file.'),
  labs: z.record(z.string(), labProgressSchema).describe('Each lab by id.'),
});
export type ProgressFile = z.infer<typeof progressFileSchema>;

const empty = (): ProgressFile => ({ version: PROGRESS_VERSION, labs: {} });

export class ProgressStore {
  readonly file: string;
  private writes: Promise<unknown> = Promise.resolve();
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
    let why: string;
    try {
      const parsed = progressFileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      why = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).slice(0, 3).join('; ');
    } catch (err) {
      why = (err as Error).message;
    }
    const aside = `${this.file}.unreadable-${Date.now()}-${randomBytes(3).toString('hex')}`;
    await rename(this.file, aside).catch(() => {});
    this.warn(`The progress file ${this.file} could not be read (${why}); it was kept as ${aside} and progress starts again.`);
    return empty();
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
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }
}
