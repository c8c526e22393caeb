import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFile, mkdtemp, cp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { LabError, listLabs, loadLab } from '../../checker/lab/load.ts';
import { repoRoot } from '../../checker/core/paths.ts';
import { labSchema } from '../../checker/lab/schema.ts';
import { parse } from 'yaml';

const fixtures = join(repoRoot, 'test', 'fixtures');
const labsFixtures = join(fixtures, 'labs');

async function loadError(id: string, dir = labsFixtures): Promise<LabError> {
  try {
    await loadLab(id, dir);
  } catch (err) {
    if (err instanceof LabError) return err;
    throw err;
  }
  throw new Error(`${id} loaded without an error`);
}

describe('listLabs', () => {
  it('finds the labs in labs/, sorted, with dir and namespace resolved', async () => {
    const labs = await listLabs();
    const ids = labs.map((l) => l.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining(['lab-02', 'lab-07']));
    const lab07 = labs.find((l) => l.id === 'lab-07')!;
    expect(lab07.namespace).toBe('lab-07');
    expect(lab07.folder).toBe('lab-07-rolling-update');
    expect(lab07.dir).toBe(join(repoRoot, 'labs', 'lab-07-rolling-update'));
    expect(lab07.tasks.map((t) => t.id)).toContain('web-scaled');
  });

  it('refuses a folder that looks like a lab but is misnamed, instead of skipping it', async () => {
    await expect(listLabs(join(fixtures, 'labs-bad-folder'))).rejects.toThrow(/lab-7-short\/: a lab folder is named "lab-", two digits/);
  });

  it('refuses two folders with the same lab id', async () => {
    const err = await listLabs(join(fixtures, 'labs-duplicate')).catch((e) => e);
    expect(err).toBeInstanceOf(LabError);
    expect(err.code).toBe('duplicate');
    expect(err.message).toMatch(/lab-03-one\/ and .*lab-03-two\//);
  });
});

describe('loadLab', () => {
  it('loads one lab by id', async () => {
    const lab = await loadLab('lab-02');
    expect(lab.title.ko).toContain('파드');
    expect(lab.tasks.find((t) => t.id === 'web-ready')?.runtime).toBe('containers');
    expect(lab.tasks.find((t) => t.id === 'web-pod')?.points).toBe(1);
  });

  it.each(['../../etc', 'lab-7', 'lab-007', '', 'lab-07/../../x', 'LAB-07', 'lab-07-rolling-update'])('rejects the id %j before touching the file system', async (id) => {
    // The labs folder does not exist: reading it would give a different error code.
    const err = await loadError(id, join(fixtures, 'no-such-folder'));
    expect(err.code).toBe('invalid-id');
    expect(err.message).toMatch(/is not a lab id/);
  });

  it('names the labs there are when the id is unknown', async () => {
    const err = await loadError('lab-99', join(repoRoot, 'labs'));
    expect(err.code).toBe('unknown-lab');
    expect(err.message).toMatch(/There is no lab lab-99\. The labs are .*lab-07/);
  });

  it('explains every problem of a malformed lab.yaml: file, line, field path and fix', async () => {
    const err = await loadError('lab-05');
    expect(err.code).toBe('malformed');
    expect(err.problems.length).toBe(9);
    expect(err.message).toMatchInlineSnapshot(`
      "test/fixtures/labs/lab-05-broken/lab.yaml: 9 problems
        minutes: missing
          fix: add \`minutes:\` (Estimated time to finish, in minutes)
        line 1, id: "lab-5" is not valid: a lab id is "lab-" and two digits, like lab-07
          fix: change the value (The lab id, "lab-" and two digits. The folder is named after it: labs/lab-07-rolling-update/)
        line 2, module: expected a number, found a string "4"
          fix: write a number here (The course module (lesson) this lab belongs to, 1–16)
        line 4, title.ko: missing
          fix: add \`ko:\` (Korean text (natural technical Korean; English term in parentheses on first use))
        line 7, tasks[0].id: "Web" is not valid: a task id is lower-case words joined by hyphens, like web-scaled
          fix: change the value (Stable task id (kebab-case). Used as the key in checks.ts and in JSON and JUnit results: never rename a published one)
        line 8, tasks[0].points: 12 is too big (at most 10)
          fix: use a value from 1 to 10 (Points for this task in the lab score)
        line 12, tasks[0].runtim: unknown field
          fix: did you mean \`runtime\`? (fields allowed here: id, points, title, text, hint, clauses, runtime, dependsOn, negative)
        line 16, tasks[1].hint.ko: is empty
          fix: write the text (Korean text (natural technical Korean; English term in parentheses on first use))
        line 17, tasks[1].runtime: "kubelet" is not allowed
          fix: use one of: api, containers"
    `);
  });

  it('points at the line of a YAML syntax error', async () => {
    const err = await loadError('lab-06');
    expect(err.message).toMatchInlineSnapshot(`
      "test/fixtures/labs/lab-06-syntax/lab.yaml: 1 problem
        line 6: YAML syntax: Missing closing "quote
          fix: fix the YAML syntax (indent with spaces; quote text that contains ": " or starts with a special character)"
    `);
  });

  it('catches an id that does not match its folder, and a dependency on an unknown task', async () => {
    const err = await loadError('lab-08');
    expect(err.message).toMatchInlineSnapshot(`
      "test/fixtures/labs/lab-08-mismatch/lab.yaml: 2 problems
        line 1, id: "lab-10" does not match the folder lab-08-mismatch/
          fix: write \`id: lab-08\`, or rename the folder to start with lab-10-
        line 12, tasks[1].dependsOn[0]: unknown task "nowhere"
          fix: name a task of this lab: only-task, second"
    `);
  });
});

describe('the template', () => {
  it('is a valid lab once new:lab has put an id in it', async () => {
    const text = await readFile(join(repoRoot, 'labs', '_template', 'lab.yaml'), 'utf8');
    const dir = await mkdtemp(join(tmpdir(), 'wheelhouse-template-'));
    await cp(join(repoRoot, 'labs', '_template'), join(dir, 'lab-42-template-copy'), { recursive: true });
    await writeFile(join(dir, 'lab-42-template-copy', 'lab.yaml'), text.replaceAll('lab-00', 'lab-42'));
    const lab = await loadLab('lab-42', dir);
    expect(lab.tasks.length).toBeGreaterThan(0);
  });

  it('comments every top-level field, including the optional ones', async () => {
    const text = await readFile(join(repoRoot, 'labs', '_template', 'lab.yaml'), 'utf8');
    const keys = Object.keys((labSchema as unknown as { shape: Record<string, unknown> }).shape);
    for (const key of keys) expect(text, `labs/_template/lab.yaml mentions ${key}`).toMatch(new RegExp(`^#? ?${key}:`, 'm'));
    expect(parse(text).id).toBe('lab-00');
  });
});
