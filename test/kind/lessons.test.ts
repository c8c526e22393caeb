// The lessons' commands that need real nodes, proven on the kind tier's cluster: for each English
// lesson with a ```bash nodes block (kubectl logs, exec, Jobs that really run, DNS answers, Service
// traffic from a Pod), every block marked `run` or `nodes` runs in page order, in a fresh
// namespace (lesson-NN-nodes, through the kubeconfig's context), and must exit 0. The `run` blocks
// come along because the `nodes` blocks use what they made. test/cluster/lessons.test.ts runs the
// `run` blocks alone on simulated nodes; test/unit/lessons.test.ts keeps the Korean blocks identical.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { lessonFiles, readLesson, isRunnable, isRunnableOnNodes } from '../support/lesson-blocks.ts';
import { normalizeImage, scriptImages, UNPULLABLE } from '../../checker/lab/images.ts';
import { prefetch } from '../../checker/lifecycle/prefetch.ts';
import { realSystem } from '../../checker/providers/system.ts';
import { silentProgress } from '../../checker/lifecycle/progress.ts';
import { localKubeBinDir } from '../../checker/core/paths.ts';

const kubeconfig = process.env.WHEELHOUSE_KIND_KUBECONFIG;
if (!kubeconfig) throw new Error('No kind cluster: set WHEELHOUSE_KIND_KUBECONFIG to its kubeconfig (the kind tier of `npm test` does, test/run.ts).');

const BLOCK_MS = 180_000;
// The project's kubectl (the pinned version), never one the machine happens to have: a lesson's
// commands and their output are written for it.
const kubeBin = localKubeBinDir();
if (!kubeBin) throw new Error('The Kubernetes binaries are not built: bash tools/kube/build.sh');
const PATH = `${kubeBin}${delimiter}${process.env.PATH ?? ''}`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with the given kubeconfig and the project's kubectl first on PATH. */
function run(cmd: string, args: string[], kc: string, o: { cwd?: string; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, {
      cwd: o.cwd,
      env: { ...process.env, PATH, KUBECONFIG: kc, WHEELHOUSE_KUBECONFIG: kc },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: o.timeoutMs ?? 120_000,
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code, signal) => resolve({ code: code ?? -1, stdout, stderr: signal ? `${stderr}\n(killed by ${signal}: over ${(o.timeoutMs ?? 120_000) / 1000} s?)` : stderr }));
    p.stdin.end();
  });
}

/** A copy of the kind kubeconfig, in a folder of its own, whose current namespace is `namespace`. */
async function kubeconfigIn(namespace: string): Promise<string> {
  const kc = join(mkdtempSync(join(tmpdir(), 'wh-lesson-nodes-')), 'kubeconfig');
  copyFileSync(kubeconfig!, kc);
  const r = await run('kubectl', ['config', 'set-context', '--current', `--namespace=${namespace}`], kc);
  if (r.code !== 0) throw new Error(`kubectl config set-context --namespace=${namespace} failed: ${r.stderr}`);
  return kc;
}

// Every run or nodes block up to the lesson's last nodes block: the later run blocks need no real
// nodes (the simulated tier runs them).
const lessons = lessonFiles('en')
  .map((f) => readLesson('en', f))
  .filter((l) => l.blocks.some(isRunnableOnNodes))
  .map((l) => {
    const last = l.blocks.findLastIndex(isRunnableOnNodes);
    return { lesson: l, blocks: l.blocks.slice(0, last + 1).filter((b) => isRunnable(b) || isRunnableOnNodes(b)) };
  });

// The tier's cluster holds the labs' images (`lab prefetch`); the lessons name a few more (nginx:1.26
// for a rollout, the DNS tools image). Load those the blocks name the way a learner would, from the
// local Docker (on a machine with no registry, the stand-ins of tools/kind/standins.sh).
beforeAll(async () => {
  const images = new Set<string>();
  for (const { blocks } of lessons) for (const b of blocks) for (const i of scriptImages(b.code)) if (!UNPULLABLE.test(i)) images.add(normalizeImage(i));
  if (images.size) await prefetch([...images].sort(), kubeconfig, { sys: { ...realSystem, env: process.env }, progress: silentProgress, lang: 'en' });
}, 600_000);

// The lessons run side by side, each in its own namespace: most of their time is Pods starting.
describe.concurrent('lessons on real nodes', () => {
  for (const { lesson, blocks } of lessons) {
    const ns = `lesson-${lesson.slug.slice(0, 2)}-nodes`;
    const nodes = blocks.filter(isRunnableOnNodes).map((b) => b.line);
    it(`${lesson.slug}: its ${blocks.length} run and nodes block(s) in order (nodes at lines ${nodes.join(', ')})`, async () => {
      await run('kubectl', ['delete', 'namespace', ns, '--ignore-not-found', '--wait=true', '--timeout=120s'], kubeconfig, { timeoutMs: 150_000 });
      const created = await run('kubectl', ['create', 'namespace', ns], kubeconfig);
      if (created.code !== 0) throw new Error(`kubectl create namespace ${ns} failed: ${created.stderr}`);
      const kc = await kubeconfigIn(ns);
      const took: string[] = [];
      try {
        for (const block of blocks) {
          const t0 = performance.now();
          const r = await run('bash', ['-euo', 'pipefail', '-c', block.code], kc, { cwd: join(kc, '..'), timeoutMs: BLOCK_MS });
          const s = ((performance.now() - t0) / 1000).toFixed(0);
          took.push(`${block.line}: ${s} s`);
          expect(r.code, `${lesson.file}:${block.line} (${block.meta}) failed after ${s} s:\n$ ${block.code}\n${r.stdout}\n${r.stderr}`).toBe(0);
        }
      } finally {
        console.log(`lesson ${lesson.slug} on kind, per block (line: time): ${took.join(', ')}`);
        await run('kubectl', ['delete', 'namespace', ns, '--ignore-not-found', '--wait=false'], kubeconfig);
        rmSync(join(kc, '..'), { recursive: true, force: true });
      }
    }, blocks.length * BLOCK_MS + 180_000);
  }
});
