// Every lab in labs/: its checks match its tasks one to one, its files follow the conventions the
// cluster tests and `lab reset` rely on.
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { listLabs } from '../../checker/lab/load.ts';
import { failsEntries, failsLine, realNodeFailsEntries } from '../../checker/lifecycle/solve.ts';
import { checkKeyProblems, loadChecks } from '../../checker/checks/define.ts';
import { LabError, loadLab } from '../../checker/lab/load.ts';
import { repoRoot } from '../../checker/core/paths.ts';

const labs = await listLabs();
const fixtures = join(repoRoot, 'test', 'fixtures', 'labs');

describe('checks.ts of every lab', () => {
  it('there are labs to check', () => {
    expect(labs.length).toBeGreaterThanOrEqual(2);
  });

  it.each(labs.map((l) => [l.id, l]))('%s has exactly one check per task', async (_id, lab) => {
    const checks = await loadChecks(lab);
    expect(Object.keys(checks).sort()).toEqual(lab.tasks.map((t) => t.id).sort());
  });

  it('a task without a check, or a check without a task, is refused with both named', async () => {
    const lab = await loadLab('lab-11', fixtures);
    const err = await loadChecks(lab).catch((e) => e);
    expect(err).toBeInstanceOf(LabError);
    expect(err.message).toMatch(/check "no-such-task" matches no task in lab.yaml/);
    expect(checkKeyProblems(lab, {})).toEqual(['task "only-task" has no check']);
  });

  it('a missing checks.ts is refused', async () => {
    const lab = await loadLab('lab-09', fixtures);
    await expect(loadChecks(lab)).rejects.toThrow(/checks.ts is missing/);
  });
});

/** Kinds a lab's setup may create outside its namespace. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'ClusterRole', 'ClusterRoleBinding',
  'CustomResourceDefinition', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'GatewayClass', 'IngressClass',
]);

describe.each(labs.map((l) => [l.id, l]))('%s files', (_id, lab) => {
  it('lab.yaml starts with the schema line for editors', async () => {
    const text = await readFile(lab.file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../lab.schema.json');
  });

  it('every setup object is labelled wheelhouse.dev/lab and lives in the lab namespace', async () => {
    const files = (await readdir(join(lab.dir, 'setup'))).filter((f) => /\.ya?ml$/.test(f)).sort();
    expect(files[0]).toMatch(/^00-/);
    for (const f of files) {
      for (const doc of parseAllDocuments(await readFile(join(lab.dir, 'setup', f), 'utf8'))) {
        const obj = doc.toJS();
        if (!obj) continue;
        expect(obj.metadata?.labels?.['wheelhouse.dev/lab'], `${f}: ${obj.kind} ${obj.metadata?.name}`).toBe(lab.id);
        // Cluster-scoped objects carry no namespace; `lab reset` finds them by the label alone.
        expect(obj.metadata.namespace, `${f}: ${obj.kind}`).toBe(CLUSTER_SCOPED.has(obj.kind) ? undefined : lab.namespace);
      }
    }
  });

  it('has solve.sh, an alternative and two near misses that each name a task they fail', async () => {
    const files = await readdir(join(lab.dir, 'solution'));
    expect(files).toContain('solve.sh');
    expect(files.some((f) => /^alt-.+\.sh$/.test(f))).toBe(true);
    const mistakes = files.filter((f) => /^mistake-.+\.sh$/.test(f));
    expect(mistakes.length).toBeGreaterThanOrEqual(2);
    for (const m of mistakes) {
      const text = await readFile(join(lab.dir, 'solution', m), 'utf8');
      const fails = failsLine(text);
      expect(fails?.length, `${m}: first comment line is "# fails: TASK" (or "# fails: TASK, TASK")`).toBeGreaterThan(0);
      for (const id of fails!) expect(lab.tasks.map((t) => t.id), m).toContain(id);
    }
  });

  // ../shared/GRADING.md: every verifiable statement of a task's text is a clause with a check and
  // at least one near miss that breaks it alone; a lab has at least 6 mistakes and 3 alternatives.
  it('lists the clauses of every task, and every clause has a mistake that names it', async () => {
    const files = await readdir(join(lab.dir, 'solution'));
    const clauses = new Set(lab.tasks.flatMap((t) => Object.keys(t.clauses).map((c) => `${t.id}/${c}`)));
    // A lab is held to this once it lists clauses (issue 13 moves every lab over, one at a time).
    if (clauses.size === 0) {
      expect(files.some((f) => /^mistake-.+\.sh$/.test(f)), `${lab.id} has near misses`).toBe(true);
      return;
    }
    for (const t of lab.tasks) expect(Object.keys(t.clauses).length, `${lab.id} ${t.id} lists its clauses in lab.yaml`).toBeGreaterThan(0);
    expect(files.filter((f) => /^alt-.+\.sh$/.test(f)).length, `${lab.id}: at least 3 alternatives`).toBeGreaterThanOrEqual(3);
    const mistakes = files.filter((f) => /^mistake-.+\.sh$/.test(f));
    expect(mistakes.length, `${lab.id}: at least 6 mistakes`).toBeGreaterThanOrEqual(6);
    const broken = new Set<string>();
    for (const m of mistakes) {
      const entries = failsEntries(await readFile(join(lab.dir, 'solution', m), 'utf8')) ?? [];
      for (const e of entries) {
        expect(e, `${m}: "# fails:" names TASK/CLAUSE`).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
        expect([...clauses], `${m}: ${e} is a clause of lab.yaml`).toContain(e);
        broken.add(e);
      }
      // Where the blame falls on real nodes, when it differs: a clause of the lab, and the script says why.
      const text = await readFile(join(lab.dir, 'solution', m), 'utf8');
      for (const e of realNodeFailsEntries(text) ?? []) {
        expect([...clauses], `${m}: "# on real nodes fails:" ${e} is a clause of lab.yaml`).toContain(e);
        expect(text, `${m}: says why its blame differs on real nodes (a "# on real nodes:" line)`).toMatch(/^# on real nodes: .+/m);
      }
    }
    expect([...clauses].filter((c) => !broken.has(c)), `${lab.id}: clauses no mistake breaks`).toEqual([]);
  });

  it('has at least one task graded from API objects alone', () => {
    expect(lab.tasks.some((t) => t.runtime === 'api')).toBe(true);
  });
});
