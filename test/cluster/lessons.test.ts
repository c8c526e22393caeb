// Every example in every lesson, proven against the real API server:
// - each complete YAML manifest is accepted by a server-side dry run (Namespaces, CRDs and
//   ServiceAccounts it declares are created for real first, because a dry run cannot see objects
//   that another dry run "created");
// - each ```bash run block runs, in page order, in a fresh namespace, and must exit 0.
// The English lesson is the one run; test/unit/lessons.test.ts keeps the Korean blocks identical.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lessonFiles, readLesson, isManifest, isRunnable, manifestDocs } from '../support/lesson-blocks.ts';
import { kubectl, kubectlOk, runWithCluster, testCluster } from '../support/cluster.ts';

const REAL_FIRST = new Set(['Namespace', 'CustomResourceDefinition', 'ServiceAccount']);

for (const file of lessonFiles('en')) {
  const lesson = readLesson('en', file);
  const manifests = lesson.blocks.filter(isManifest);
  const runnable = lesson.blocks.filter(isRunnable);
  const ns = `lesson-${lesson.slug.slice(0, 2)}`;
  const cleanup: string[][] = [];
  // Manifests go to the lesson's namespace through the kubeconfig's context, not `-n`: kubectl
  // refuses `-n` for a manifest that names a namespace of its own.
  let nsKubeconfig = '';
  const kubectlInNs = (args: string[], input: string) => runWithCluster(join(testCluster().binDir, 'kubectl'), args, { input, env: { KUBECONFIG: nsKubeconfig } });

  describe(`lesson ${lesson.slug}`, () => {
    beforeAll(async () => {
      await kubectl(['delete', 'namespace', ns, `${ns}-run`, '--ignore-not-found', '--wait=true', '--timeout=60s']);
      await kubectlOk(['create', 'namespace', ns]);
      cleanup.push(['namespace', ns]);
      nsKubeconfig = await kubeconfigIn(ns);
    });
    afterAll(async () => {
      if (nsKubeconfig) rmSync(join(nsKubeconfig, '..'), { recursive: true, force: true });
      for (const [kind, name, namespace] of cleanup.reverse()) {
        await kubectl(['delete', kind, name, ...(namespace ? ['-n', namespace] : []), '--ignore-not-found', '--wait=false']);
      }
    });

    for (const block of manifests) {
      it(`accepts the manifest at line ${block.line} (${manifestDocs(block).map((d) => d.kind).join(', ')})`, async () => {
        const docs = manifestDocs(block);
        const later: any[] = [];
        for (const doc of docs) {
          const targetNs = doc.metadata?.namespace;
          if (targetNs && targetNs !== ns && !docs.some((d) => d.kind === 'Namespace' && d.metadata?.name === targetNs)) {
            await kubectl(['create', 'namespace', targetNs]);
            cleanup.push(['namespace', targetNs]);
          }
        }
        for (const doc of docs) {
          if (!REAL_FIRST.has(doc.kind)) {
            later.push(doc);
            continue;
          }
          const r = await kubectlInNs(['apply', '-f', '-'], JSON.stringify(doc));
          expect(r.code, `${doc.kind} ${doc.metadata?.name}: ${r.stderr}`).toBe(0);
          cleanup.push([doc.kind === 'CustomResourceDefinition' ? 'crd' : doc.kind.toLowerCase(), doc.metadata.name, doc.kind === 'ServiceAccount' ? doc.metadata.namespace ?? ns : '']);
          if (doc.kind === 'CustomResourceDefinition') {
            await kubectlOk(['wait', '--for=condition=Established', `crd/${doc.metadata.name}`, '--timeout=30s']);
          }
        }
        if (later.length === 0) return;
        const r = await kubectlInNs(['apply', '--dry-run=server', '-f', '-'], asJson(later));
        expect(r.code, `the API server rejected the manifest at ${lesson.file}:${block.line}:\n${r.stderr}`).toBe(0);
      });
    }

    if (runnable.length) {
      it(`runs its ${runnable.length} runnable command block(s) in order`, async () => {
        const runNs = `${ns}-run`;
        await kubectlOk(['create', 'namespace', runNs]);
        cleanup.push(['namespace', runNs]);
        const kc = await kubeconfigIn(runNs);
        const dir = join(kc, '..');
        try {
          for (const block of runnable) {
            const r = await runWithCluster('bash', ['-euo', 'pipefail', '-c', block.code], { env: { KUBECONFIG: kc, WHEELHOUSE_KUBECONFIG: kc }, cwd: dir, timeoutMs: 180_000 });
            expect(r.code, `${lesson.file}:${block.line} failed:\n$ ${block.code}\n${r.stdout}\n${r.stderr}`).toBe(0);
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  });
}

/** A copy of the test cluster's kubeconfig, in a folder of its own, whose current namespace is `namespace`. */
async function kubeconfigIn(namespace: string): Promise<string> {
  const kc = join(mkdtempSync(join(tmpdir(), 'wh-lesson-')), 'kubeconfig');
  copyFileSync(testCluster().kubeconfig, kc);
  const r = await runWithCluster('kubectl', ['config', 'set-context', '--current', `--namespace=${namespace}`], { env: { KUBECONFIG: kc } });
  if (r.code !== 0) throw new Error(`kubectl config set-context --namespace=${namespace} failed: ${r.stderr}`);
  return kc;
}

/** Sends what YAML parsed as JSON: re-writing it as YAML could turn the string "Off" back into a
 * word that kubectl's YAML 1.1 reader takes for a boolean. */
function asJson(docs: any[]): string {
  return JSON.stringify(docs.length === 1 ? docs[0] : { apiVersion: 'v1', kind: 'List', items: docs });
}
