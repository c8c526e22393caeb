// An add-on given as a kustomization folder (an upstream manifest plus the lab's patch) is applied
// with `kubectl apply -k` by `lab up`, on the providers it names.
import { afterAll, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubectl, kubectlOk, testCluster } from '../support/cluster.ts';
import { loadLab } from '../../checker/lab/load.ts';
import { realSystem } from '../../checker/providers/system.ts';
import { silentProgress } from '../../checker/lifecycle/progress.ts';
import { openLabTarget, setUpLab } from '../../checker/lifecycle/up.ts';
import { cleanLab } from '../../checker/lifecycle/reset.ts';

const sys = { ...realSystem, env: process.env };
let labsDir: string;

afterAll(async () => {
  await kubectl(['delete', 'configmap', 'wh-addon-kustomized', '-n', 'default', '--ignore-not-found']);
});

it('applies a kustomization add-on with its patch', async () => {
  labsDir = await mkdtemp(join(tmpdir(), 'wh-addon-labs-'));
  const dir = join(labsDir, 'lab-97-addon');
  await mkdir(join(dir, 'setup'), { recursive: true });
  await mkdir(join(dir, 'addons', 'thing'), { recursive: true });
  await writeFile(
    join(dir, 'lab.yaml'),
    `id: lab-97
module: 1
title: { en: Add-on test, ko: 애드온 시험 }
summary: { en: An add-on from a kustomization., ko: 커스터마이제이션 애드온. }
minutes: 5
addons:
  - name: thing
    version: v1.0.0
    manifest: addons/thing
    providers: [kind, kwok]
tasks:
  - id: t
    points: 1
    title: { en: t, ko: t }
    text: { en: t, ko: t }
    hint: { en: t, ko: t }
`,
  );
  await writeFile(join(dir, 'checks.ts'), `export default { t: () => [] };\n`);
  await writeFile(join(dir, 'setup', '00-namespace.yaml'), `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab-97\n  labels:\n    wheelhouse.dev/lab: lab-97\n`);
  await writeFile(join(dir, 'addons', 'thing', 'upstream.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wh-addon-kustomized\n  namespace: default\ndata:\n  args: "--secure-port=10250"\n`);
  await writeFile(
    join(dir, 'addons', 'thing', 'kustomization.yaml'),
    `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [upstream.yaml]
patches:
  - target: { kind: ConfigMap, name: wh-addon-kustomized }
    patch: |-
      - op: add
        path: /data/patched
        value: "--kubelet-insecure-tls"
`,
  );
  const lab = await loadLab('lab-97', labsDir);
  const target = await openLabTarget(testCluster().kubeconfig, sys);
  try {
    await setUpLab(target, lab, { sys, progress: silentProgress, lang: 'en' });
    const data = JSON.parse(await kubectlOk(['get', 'configmap', 'wh-addon-kustomized', '-n', 'default', '-o', 'jsonpath={.data}']));
    expect(data).toEqual({ args: '--secure-port=10250', patched: '--kubelet-insecure-tls' });
  } finally {
    await cleanLab(target, lab, { progress: silentProgress, lang: 'en' });
    target.api.close();
  }
});
