// A lab's setup/ and solution/ files: read in order, every object labelled for the lab (or `up`
// fails loudly before changing anything), cut into kubectl apply calls; solution scripts found and
// their "# fails:" lines read. Also checks every real lab's files the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyBatches, readSetup } from '../../checker/lifecycle/setup.ts';
import { failsLine, findSolution, solutionScripts } from '../../checker/lifecycle/solve.ts';
import { addonManifest } from '../../checker/lifecycle/up.ts';
import { LifecycleError } from '../../checker/core/errors.ts';
import { listLabs, type LoadedLab } from '../../checker/lab/load.ts';
import type { KObject } from '../../checker/cluster/types.ts';

let root: string;
const lab = (name: string, files: Record<string, string>): LoadedLab => {
  const dir = join(root, name);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return { id: 'lab-42', namespace: 'lab-42', dir, file: join(dir, 'lab.yaml'), folder: name } as LoadedLab;
};
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'wh-setup-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const labelled = 'labels: {wheelhouse.dev/lab: lab-42}';

describe('readSetup', () => {
  it('reads files in name order and documents in order, looking inside a List', async () => {
    const l = lab('ordered', {
      'setup/10-app.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, ${labelled}}\n---\napiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Secret, metadata: {name: c, ${labelled}}}\n`,
      'setup/00-namespace.yaml': `# the namespace\napiVersion: v1\nkind: Namespace\nmetadata: {name: lab-42, ${labelled}}\n---\n`,
      'setup/README.md': 'not a manifest',
    });
    const objects = await readSetup(l);
    expect(objects.map((o) => `${o.object.kind}/${o.object.metadata.name}`)).toEqual(['Namespace/lab-42', 'ConfigMap/b', 'Secret/c']);
  });

  it('fails loudly, naming the file and the object, when a setup object lacks the lab label', async () => {
    const l = lab('unlabelled', {
      'setup/00-namespace.yaml': `apiVersion: v1\nkind: Namespace\nmetadata: {name: lab-42, ${labelled}}\n`,
      'setup/10-app.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, labels: {app: web}}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web, labels: {wheelhouse.dev/lab: lab-07}}\n',
    });
    const err = (await readSetup(l).catch((e) => e)) as LifecycleError;
    expect(err).toBeInstanceOf(LifecycleError);
    expect(err.code).toBe('broken-lab');
    expect(err.exitCode).toBe(1);
    expect(err.message).toMatch(/10-app\.yaml: Deployment\/web has no label wheelhouse\.dev\/lab: lab-42/);
    expect(err.message).toMatch(/10-app\.yaml: Service\/web has no label wheelhouse\.dev\/lab: lab-42/);
    expect(err.message).not.toContain('Namespace/lab-42');
  });

  it('reports YAML that does not parse', async () => {
    const l = lab('bad-yaml', { 'setup/00.yaml': 'kind: [unclosed\n' });
    await expect(readSetup(l)).rejects.toThrow(/00\.yaml/);
  });

  it('is empty for a lab without setup/', async () => {
    expect(await readSetup(lab('no-setup', { 'lab.yaml': '' }))).toEqual([]);
  });
});

describe('applyBatches', () => {
  const o = (kind: string, name: string, namespace?: string, apiVersion = 'v1'): KObject => ({ apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) } });

  it('sends consecutive objects for one namespace in one kubectl apply', () => {
    const batches = applyBatches([o('Namespace', 'lab-42'), o('ConfigMap', 'a'), o('Service', 'b', 'lab-42')], 'lab-42');
    expect(batches).toEqual([{ namespace: 'lab-42', objects: [o('Namespace', 'lab-42'), o('ConfigMap', 'a'), o('Service', 'b', 'lab-42')], crds: [] }]);
  });

  it('starts a new apply where the namespace changes, and after CRDs (their kinds must be served first)', () => {
    const crd = (n: string) => o('CustomResourceDefinition', n, undefined, 'apiextensions.k8s.io/v1');
    const batches = applyBatches([o('Namespace', 'lab-42'), crd('a.example.com'), crd('b.example.com'), o('Widget', 'w'), o('ConfigMap', 'x', 'other'), o('ConfigMap', 'y')], 'lab-42');
    expect(batches.map((b) => [b.namespace, b.objects.map((x) => x.metadata.name), b.crds])).toEqual([
      ['lab-42', ['lab-42', 'a.example.com', 'b.example.com'], ['a.example.com', 'b.example.com']],
      ['lab-42', ['w'], []],
      ['other', ['x'], []],
      ['lab-42', ['y'], []],
    ]);
  });
});

describe('solution scripts', () => {
  it('reads the tasks a mistake must fail from its first comment line', () => {
    expect(failsLine('#!/usr/bin/env bash\n# fails: web-scaled\nset -e\n')).toEqual(['web-scaled']);
    expect(failsLine('#!/bin/bash\n#fails: a,  b \n')).toEqual(['a', 'b']);
    expect(failsLine('#!/bin/bash\n# Near miss\n# fails: a\n')).toBeUndefined();
    expect(failsLine('set -e\n')).toBeUndefined();
    // A clause after the task: the task is what must fail, the clause is what the header promises.
    expect(failsLine('#!/bin/bash\n# fails: yaml-pod/one-container, yaml-pod/image, web-ready\n')).toEqual(['yaml-pod', 'web-ready']);
  });

  it('finds solve, alt-* and mistake-* scripts; --with names one, or the choices are listed (usage, 64)', async () => {
    const l = lab('solutions', {
      'solution/solve.sh': '#!/bin/bash\n',
      'solution/alt-yaml.sh': '#!/bin/bash\n',
      'solution/mistake-typo.sh': '#!/bin/bash\n# fails: t1/name, t2\n',
      'solution/helper.sh': '#!/bin/bash\n',
    });
    expect((await solutionScripts(l)).map((s) => [s.name, s.kind, s.fails, s.clauses])).toEqual([
      ['alt-yaml', 'alternative', [], []],
      ['mistake-typo', 'mistake', ['t1', 't2'], ['t1/name']],
      ['solve', 'reference', [], []],
    ]);
    expect((await findSolution(l)).name).toBe('solve');
    expect((await findSolution(l, 'alt-yaml.sh')).name).toBe('alt-yaml');
    const err = (await findSolution(l, 'helper').catch((e) => e)) as LifecycleError;
    expect(err.exitCode).toBe(64);
    expect(err.message).toContain('alt-yaml, mistake-typo, solve');
  });
});

describe('add-on manifests', () => {
  it('are an https URL or a file inside the lab folder, never a path outside it', () => {
    const l = lab('addons', { 'addons/metrics.yaml': 'kind: List\n' });
    expect(addonManifest(l, 'https://example.com/x.yaml')).toBe('https://example.com/x.yaml');
    expect(addonManifest(l, 'addons/metrics.yaml')).toBe(join(l.dir, 'addons/metrics.yaml'));
    expect(() => addonManifest(l, '../../etc/passwd')).toThrow(LifecycleError);
    expect(() => addonManifest(l, 'http://example.com/x.yaml')).toThrow(LifecycleError);
  });
});

describe('every lab in labs/', () => {
  it('labels every setup object for the lab, has solve.sh, and each mistake names tasks of the lab', async () => {
    const labs = await listLabs();
    expect(labs.length).toBeGreaterThan(0);
    for (const l of labs) {
      const objects = await readSetup(l);
      expect(objects.some((o) => o.object.kind === 'Namespace' && o.object.metadata.name === l.namespace), `${l.id}: setup/ creates its namespace`).toBe(true);
      const scripts = await solutionScripts(l);
      expect(scripts.map((s) => s.name), l.id).toContain('solve');
      for (const s of scripts.filter((x) => x.kind === 'mistake')) {
        expect(s.fails.length, `${l.id} ${s.name}.sh has a "# fails: <task-id>" first comment line`).toBeGreaterThan(0);
        for (const t of s.fails) expect(l.tasks.map((x) => x.id), `${l.id} ${s.name}.sh`).toContain(t);
      }
    }
  });
});
