import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newLab } from '../../checker/cli/new-lab.ts';
import { loadLab } from '../../checker/lab/load.ts';
import { repoRoot } from '../../checker/core/paths.ts';

async function labsWithTemplate(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wheelhouse-new-lab-'));
  await cp(join(repoRoot, 'labs', '_template'), join(dir, '_template'), { recursive: true });
  await cp(join(repoRoot, 'labs', 'lab-07-rolling-update'), join(dir, 'lab-07-rolling-update'), { recursive: true });
  return dir;
}

describe('npm run new:lab', () => {
  it('copies the template, puts the id and module in, and the result loads', async () => {
    const labs = await labsWithTemplate();
    const r = await newLab(['lab-27-pod-security', '--module', '9'], labs);
    expect(r.code).toBe(0);
    const lab = await loadLab('lab-27', labs);
    expect([lab.id, lab.module, lab.namespace]).toEqual(['lab-27', 9, 'lab-27']);
    expect(await readdir(join(labs, 'lab-27-pod-security', 'solution'))).toEqual(expect.arrayContaining(['solve.sh', 'mistake-wrong-value.sh']));
    const setup = await readFile(join(labs, 'lab-27-pod-security', 'setup', '00-namespace.yaml'), 'utf8');
    expect(setup).toContain('wheelhouse.dev/lab: lab-27');
    expect(setup).not.toContain('lab-00');
  });

  it.each([
    [[], /Name the new lab folder/],
    [['lab-27'], /not a lab folder name/],
    [['../../etc'], /not a lab folder name/],
    [['lab-27-Bad_Name'], /not a lab folder name/],
    [['lab-00-placeholder'], /template's placeholder/],
    [['lab-27-x', '--module', '17'], /--module takes the course module number, 1–16/],
    [['lab-07-again'], /lab-07 is taken by .*lab-07-rolling-update/],
    [['lab-27-x', '--bogus'], /Unknown option/],
  ])('refuses %j with usage (64)', async (argv, message) => {
    const r = await newLab(argv, await labsWithTemplate());
    expect(r.code).toBe(64);
    expect(r.message).toMatch(message);
  });
});
