// Benchmark: `npm run check lab-07` against the same checks as a kubectl shell script
// (bench/lab-07-kubectl.sh), on a solved lab-07, run alternately from this one process so both
// see the same machine load. Prints medians and the ratio; it does not pass or fail.
//
//   node bench/check-vs-kubectl.bench.ts [--rounds N] [--kubeconfig FILE]
// Without --kubeconfig it starts its own test cluster (the kwok provider) and stops it after.
// With --kubeconfig it (re)creates the namespace lab-07 on that cluster: never a learner's cluster.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { localKubeBinDir, repoRoot } from '../checker/core/paths.ts';
import { loadLab } from '../checker/lab/load.ts';
import { openGrading } from '../checker/use-cases.ts';
import { benchCluster, fmt, median, timed } from './support.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '15' }, kubeconfig: { type: 'string' } } });
const rounds = Number(values.rounds);
const binDir = localKubeBinDir();
if (!binDir) {
  console.error('The Kubernetes binaries are not built: npm run kube:build');
  process.exit(2);
}

const cluster = await benchCluster(values.kubeconfig);
try {
  const { kubeconfig } = cluster;
  const env = { KUBECONFIG: kubeconfig, WHEELHOUSE_KUBECONFIG: kubeconfig, PATH: `${binDir}:${process.env.PATH}`, NO_COLOR: '1' };
  const kubectl = join(binDir, 'kubectl');
  const lab = await loadLab('lab-07');

  console.log('solving lab-07 …');
  await timed(kubectl, ['delete', 'namespace', lab.namespace, '--ignore-not-found', '--wait=true'], env);
  for (const [cmd, args] of [
    [kubectl, ['apply', '-f', join(lab.dir, 'setup')]],
    ['bash', [join(lab.dir, 'solution', 'solve.sh')]],
  ] as const) {
    const r = await timed(cmd, [...args], env);
    if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.out}`);
  }

  const checker = () => timed(process.execPath, [join(repoRoot, 'checker', 'cli', 'check.ts'), 'lab-07'], env);
  const script = () => timed('bash', [join(repoRoot, 'bench', 'lab-07-kubectl.sh')], env);
  // Warm-up: fills the compile cache and kubectl's discovery cache; both must agree the lab passes.
  for (const [name, f] of [['check', checker], ['kubectl script', script]] as const) {
    const r = await f();
    if (r.code !== 0) throw new Error(`${name} does not pass on the solved lab:\n${r.out}`);
  }

  const times = { check: [] as number[], script: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    // Alternate which goes first, so neither always runs on a warmer machine.
    const order = i % 2 ? ([['script', script], ['check', checker]] as const) : ([['check', checker], ['script', script]] as const);
    for (const [name, f] of order) {
      const r = await f();
      if (r.code !== 0) throw new Error(`${name} failed in round ${i + 1}:\n${r.out}`);
      times[name].push(r.ms);
    }
  }

  // The warm case: the site's server keeps the checker loaded and grades in-process.
  const session = await openGrading(lab, { kubeconfig });
  const inProcess: number[] = [];
  for (let i = 0; i < rounds + 1; i++) {
    const started = performance.now();
    const result = await session.grade();
    if (result.exitCode !== 0) throw new Error('in-process grading does not pass');
    if (i > 0) inProcess.push(performance.now() - started);
  }
  session.close();

  const [c, s, w] = [median(times.check), median(times.script), median(inProcess)];
  console.log(`\nlab-07 (solved), ${rounds} alternating rounds, medians:`);
  console.log(`  npm run check lab-07 (new process)    ${fmt(c)}`);
  console.log(`  kubectl script (${7} kubectl calls)     ${fmt(s)}`);
  console.log(`  checker in-process, warm (site)       ${fmt(w)}`);
  console.log(`  ratio check / script                  ${(c / s).toFixed(2)}×`);
  console.log(`  ratio in-process / script             ${(w / s).toFixed(2)}×`);
} finally {
  await cluster.stop();
}
