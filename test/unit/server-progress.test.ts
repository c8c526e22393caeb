// The progress file of the local server: atomic writes, first passes kept, unreadable files set aside.
import { describe, it, expect, beforeEach } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProgressStore, PROGRESS_VERSION } from '../../site/server/progress-store.ts';
import type { GradeResult, TaskResult } from '../../checker/engine/grade.ts';

function result(outcomes: Record<string, TaskResult['outcome'] | 'real-nodes'>): GradeResult {
  const ids = Object.keys(outcomes);
  return {
    lab: { id: 'lab-07', namespace: 'lab-07', tasks: ids.map((id) => ({ id, points: 2 })) } as unknown as GradeResult['lab'],
    tasks: ids.map((id) => {
      const o = outcomes[id];
      return { id, outcome: o === 'real-nodes' ? 'skipped' : o, reason: o === 'real-nodes' ? 'needs-real-nodes' : undefined, points: 2, earned: o === 'pass' ? 2 : 0, observations: [], samples: 1, durationMs: 1 } as TaskResult;
    }),
  } as GradeResult;
}

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wh-progress-'));
  file = join(dir, '.wheelhouse', 'progress.json');
});

describe('ProgressStore', () => {
  it('starts empty and records a check, leaving out tasks this cluster cannot grade', async () => {
    const store = new ProgressStore(file);
    expect(await store.read()).toEqual({ version: PROGRESS_VERSION, labs: {} });
    const lab = await store.record(result({ a: 'pass', b: 'fail', c: 'real-nodes' }), new Date('2026-01-01T00:00:00Z'));
    expect(lab).toMatchObject({ score: 2, total: 4, done: false });
    expect(lab.tasks.a).toEqual({ outcome: 'pass', passedAt: '2026-01-01T00:00:00.000Z' });
    expect(lab.tasks.b).toEqual({ outcome: 'fail' });
    expect(JSON.parse(readFileSync(file, 'utf8')).labs['lab-07'].score).toBe(2);
  });

  it('keeps when a task first passed, and is done when every gradable task passes', async () => {
    const store = new ProgressStore(file);
    await store.record(result({ a: 'pass', b: 'fail' }), new Date('2026-01-01T00:00:00Z'));
    await store.record(result({ a: 'fail', b: 'pass' }), new Date('2026-01-02T00:00:00Z'));
    const lab = await store.record(result({ a: 'pass', b: 'pass', c: 'real-nodes' }), new Date('2026-01-03T00:00:00Z'));
    expect(lab.tasks.a.passedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(lab.tasks.b.passedAt).toBe('2026-01-02T00:00:00.000Z');
    expect(lab.done).toBe(true);
  });

  it('serialises concurrent checks: no write is lost and no temporary file is left', async () => {
    const store = new ProgressStore(file);
    const labs = ['lab-01', 'lab-02', 'lab-03', 'lab-04', 'lab-05'];
    await Promise.all(labs.map((id) => store.record({ ...result({ a: 'pass' }), lab: { id, tasks: [{ id: 'a', points: 2 }] } } as unknown as GradeResult)));
    expect(Object.keys((await store.read()).labs).sort()).toEqual(labs);
    expect(readdirSync(join(dir, '.wheelhouse'))).toEqual(['progress.json']);
  });

  it('a crash mid-write leaves the previous progress readable', async () => {
    const store = new ProgressStore(file);
    await store.record(result({ a: 'pass' }));
    // What a crash leaves: a half-written temporary file beside the real one.
    writeFileSync(`${file}.999.1.tmp`, '{"version":"wheelhouse.progress/v1","labs":{"lab-07":{"sc');
    expect((await new ProgressStore(file).read()).labs['lab-07'].score).toBe(2);
  });

  it('sets an unreadable file aside instead of deleting it, and says so', async () => {
    const warnings: string[] = [];
    const store = new ProgressStore(file, (m) => warnings.push(m));
    await store.record(result({ a: 'pass' }));
    writeFileSync(file, 'not json at all');
    expect(await store.read()).toEqual({ version: PROGRESS_VERSION, labs: {} });
    const aside = readdirSync(join(dir, '.wheelhouse')).filter((f) => f.includes('unreadable'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, '.wheelhouse', aside[0]), 'utf8')).toBe('not json at all');
    expect(warnings[0]).toMatch(/could not be read \(.*JSON\); it was kept as/);
  });
});

describe('a progress file of the right version but the wrong shape (#14)', () => {
  it.each([
    ['labs is a list', { version: PROGRESS_VERSION, labs: [] }],
    ['a lab without tasks', { version: PROGRESS_VERSION, labs: { 'lab-07': { checkedAt: 'x', score: 1, total: 2, done: false } } }],
    ['a task that is not an object', { version: PROGRESS_VERSION, labs: { 'lab-07': { checkedAt: 'x', score: 1, total: 2, done: false, tasks: { a: 'pass' } } } }],
    ['a score that is text', { version: PROGRESS_VERSION, labs: { 'lab-01': { checkedAt: 'x', score: 'ten', total: 2, done: false, tasks: {} } } }],
  ])('(%s) is set aside with a message, and the next check is saved', async (_what, data) => {
    const warnings: string[] = [];
    const store = new ProgressStore(file, (m) => warnings.push(m));
    await store.record(result({ a: 'pass' }));
    writeFileSync(file, JSON.stringify(data));
    expect(await store.read()).toEqual({ version: PROGRESS_VERSION, labs: {} });
    expect(warnings[0]).toMatch(/could not be read \(.+\); it was kept as .*unreadable/);
    writeFileSync(file, JSON.stringify(data));
    const lab = await store.record(result({ a: 'pass', b: 'fail' }));
    expect(lab.score).toBe(2);
    expect(JSON.parse(readFileSync(file, 'utf8')).labs['lab-07'].tasks).toEqual({ a: { outcome: 'pass', passedAt: lab.tasks.a.passedAt }, b: { outcome: 'fail' } });
    expect(readdirSync(join(dir, '.wheelhouse')).filter((f) => f.includes('unreadable'))).toHaveLength(2);
  });
});
