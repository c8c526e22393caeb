// The checker against a real API server: each sample lab fails from its starting state and passes
// every API task after its reference solution, graded by the `check` command itself.
// (Until `npm run lab -- up` lands, setup/ is applied with kubectl here.)
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { kubectl, kubectlOk, runWithCluster, testCluster } from '../support/cluster.ts';
import { loadLab } from '../../checker/lab/load.ts';
import { repoRoot } from '../../checker/core/paths.ts';
import type { JsonResult } from '../../checker/report/json.ts';

async function check(id: string, extra: string[] = []): Promise<{ code: number; json: JsonResult; stderr: string }> {
  const r = await runWithCluster(process.execPath, [join(repoRoot, 'checker', 'cli', 'check.ts'), id, '--json', '--kubeconfig', testCluster().kubeconfig, ...extra], { cwd: repoRoot });
  return { code: r.code, json: JSON.parse(r.stdout), stderr: r.stderr };
}

async function fresh(namespace: string, setupDir: string): Promise<void> {
  await kubectl(['delete', 'namespace', namespace, '--ignore-not-found', '--wait=true', '--timeout=120s']);
  await kubectlOk(['apply', '-f', setupDir]);
}

const labIds = ['lab-02', 'lab-07'];
afterAll(async () => {
  for (const id of labIds) await kubectl(['delete', 'namespace', id, '--ignore-not-found', '--wait=false']);
});

describe.each(labIds)('%s on the test cluster', (id) => {
  it('fails every task from the starting state, and passes every API task after solve.sh', async () => {
    const lab = await loadLab(id);
    await fresh(lab.namespace, join(lab.dir, 'setup'));

    const start = await check(id);
    expect(start.code, start.stderr).toBe(1);
    expect(start.json.cluster.simulated).toBe(true);
    for (const task of start.json.tasks) {
      const want = lab.tasks.find((t) => t.id === task.id)!.runtime === 'containers' ? ['skipped'] : ['fail', 'skipped'];
      expect(want, `${task.id} at the start: ${task.message}`).toContain(task.outcome);
      if (task.outcome === 'skipped' && task.reason === 'dependency') expect(task.blockedBy.length).toBeGreaterThan(0);
    }
    expect(start.json.tasks.some((t) => t.outcome === 'fail')).toBe(true);

    const solved = await runWithCluster('bash', [join(lab.dir, 'solution', 'solve.sh')], { cwd: lab.dir });
    expect(solved.code, solved.stderr).toBe(0);

    const end = await check(id);
    expect(end.code, JSON.stringify(end.json.tasks.filter((t) => t.outcome !== 'pass' && t.reason !== 'needs-real-nodes'), null, 1)).toBe(0);
    for (const task of end.json.tasks) {
      const runtime = lab.tasks.find((t) => t.id === task.id)!.runtime;
      expect([task.id, task.outcome, task.reason]).toEqual(runtime === 'containers' ? [task.id, 'skipped', 'needs-real-nodes'] : [task.id, 'pass', null]);
    }
    expect(end.json.score.earned).toBe(end.json.score.possible);
  });
});
