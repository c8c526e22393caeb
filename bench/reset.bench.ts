// Benchmark: `lab reset` — how long it takes to put a solved lab back to its starting state, split
// into the clean (sweep everything labelled, delete the namespace, restore the nodes) and the up
// (apply setup/, wait for the workloads). In process, as the lab prover runs it hundreds of times,
// and as the CLI a learner types (a new Node process each time). Prints medians; never fails.
//
//   node bench/reset.bench.ts [--rounds N] [--lab lab-07] [--kubeconfig FILE]
// Without --kubeconfig it starts its own test cluster (kwok) and stops it after. With it, the
// cluster must be Wheelhouse's own (marked): the lab is reset there like `npm run lab -- reset`.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../checker/core/paths.ts';
import { loadLab, listLabs } from '../checker/lab/load.ts';
import { realSystem } from '../checker/providers/system.ts';
import { silentProgress } from '../checker/lifecycle/progress.ts';
import { kubectlTarget, openLabTarget, setUpLab } from '../checker/lifecycle/up.ts';
import { cleanLab } from '../checker/lifecycle/reset.ts';
import { findSolution, runSolution } from '../checker/lifecycle/solve.ts';
import { benchCluster, fmt, median, timed } from './support.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '10' }, lab: { type: 'string' }, kubeconfig: { type: 'string' } } });
const rounds = Math.max(1, Number(values.rounds) || 10);

const sys = { ...realSystem, env: process.env };
const io = { sys, progress: silentProgress, lang: 'en' as const };

/** `npm run lab -- reset LAB` as a learner types it: a new Node process. */
function cliReset(id: string, kubeconfig: string) {
  return timed(process.execPath, [join(repoRoot, 'checker', 'cli', 'lab.ts'), 'reset', id], { WHEELHOUSE_KUBECONFIG: kubeconfig });
}

const cluster = await benchCluster(values.kubeconfig);
try {
  const { kubeconfig } = cluster;
  const target = await openLabTarget(kubeconfig, sys);
  const labs = values.lab ? [await loadLab(values.lab)] : await listLabs();
  console.log(`lab reset, ${rounds} rounds per lab, each from the solved state (solve.sh)`);
  console.log(`${'lab'.padEnd(8)} ${'clean'.padStart(9)} ${'up'.padStart(9)} ${'reset'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)}   ${'CLI reset'.padStart(9)}`);
  try {
    for (const lab of labs) {
      const solve = await findSolution(lab);
      const clean: number[] = [];
      const up: number[] = [];
      const total: number[] = [];
      await setUpLab(target, lab, io);
      for (let i = 0; i < rounds; i++) {
        const solved = await runSolution(kubectlTarget(target), lab, solve, sys);
        if (solved.code !== 0) throw new Error(`${lab.id} solve.sh failed:\n${solved.stderr}`);
        const t0 = performance.now();
        await cleanLab(target, lab, io);
        const t1 = performance.now();
        await setUpLab(target, lab, io);
        const t2 = performance.now();
        clean.push(t1 - t0);
        up.push(t2 - t1);
        total.push(t2 - t0);
      }
      // The CLI: a new process, @kubernetes/client-node imported, then the same reset.
      const cli: number[] = [];
      for (let i = 0; i < Math.min(3, rounds); i++) {
        await runSolution(kubectlTarget(target), lab, solve, sys);
        const r = await cliReset(lab.id, kubeconfig);
        if (r.code !== 0) throw new Error(`npm run lab -- reset ${lab.id} failed:\n${r.out}`);
        cli.push(r.ms);
      }
      console.log(`${lab.id.padEnd(8)} ${fmt(median(clean))} ${fmt(median(up))} ${fmt(median(total))} ${fmt(Math.min(...total))} ${fmt(Math.max(...total))}   ${fmt(median(cli))}`);
      await cleanLab(target, lab, io);
    }
  } finally {
    target.api.close();
  }
} finally {
  await cluster.stop();
}
