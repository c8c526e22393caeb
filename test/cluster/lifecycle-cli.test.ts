// `npm run lab` against the real test cluster (marked as Wheelhouse's own by the test harness):
// up, reset (nodes restored, cluster-scoped and foreign-namespace objects of the lab removed, a
// learner's objects gone), solve, status, list, and refusals of clusters Wheelhouse did not create.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubectl, kubectlOk, runWithCluster, testCluster } from '../support/cluster.ts';
import { repoRoot } from '../../checker/core/paths.ts';
import { runLab } from '../../checker/cli/lab.ts';
import { silentProgress } from '../../checker/lifecycle/progress.ts';
import { writeState, readState } from '../../checker/core/state.ts';
import { openLabTarget } from '../../checker/lifecycle/up.ts';
import { cleanLab } from '../../checker/lifecycle/reset.ts';
import { loadLab } from '../../checker/lab/load.ts';
import { realSystem } from '../../checker/providers/system.ts';
import { connectApi } from '../../checker/lifecycle/kube-api.ts';
import { ensureGrader } from '../../checker/lifecycle/grader.ts';

const cli = join(repoRoot, 'checker', 'cli', 'lab.ts');
const lab = (args: string[], env: NodeJS.ProcessEnv = {}) => runWithCluster(process.execPath, [cli, ...args], { cwd: repoRoot, env: { LANG: 'en_US.UTF-8', ...env } });
const json = async (args: string[]) => JSON.parse(await kubectlOk([...args, '-o', 'json']));
const exists = async (args: string[]) => (await kubectl(['get', ...args, '-o', 'name'])).code === 0;

/** runLab in process, for labs from a temporary labs folder. */
async function labIn(labsDir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runLab(args, {
    stdout: { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WritableStream,
    env: { ...process.env, LANG: 'en_US.UTF-8', WHEELHOUSE_KUBECONFIG: testCluster().kubeconfig, ...env },
    labsDir,
    progress: silentProgress,
  });
  return { code, stdout, stderr };
}

const yaml = (lines: string[]) => `${lines.join('\n')}\n`;
function writeLab(labsDir: string, folder: string, id: string, extra: string[], setup: Record<string, string>): void {
  const dir = join(labsDir, folder);
  mkdirSync(join(dir, 'setup'), { recursive: true });
  const t = (s: string) => `{en: ${s}, ko: ${s}}`;
  writeFileSync(
    join(dir, 'lab.yaml'),
    yaml([`id: ${id}`, 'module: 1', `title: ${t('Fixture')}`, `summary: ${t('Fixture')}`, 'minutes: 5', ...extra, 'tasks:', `  - {id: one, title: ${t('One')}, text: ${t('One')}, hint: ${t('One')}}`]),
  );
  for (const [f, text] of Object.entries(setup)) writeFileSync(join(dir, 'setup', f), text);
}

let labsDir: string;
beforeAll(async () => {
  labsDir = mkdtempSync(join(tmpdir(), 'wh-lifecycle-labs-'));
  const ns = (id: string) => yaml(['apiVersion: v1', 'kind: Namespace', `metadata: {name: ${id}, labels: {wheelhouse.dev/lab: ${id}}}`]);
  writeLab(labsDir, 'lab-97-unlabelled', 'lab-97', [], {
    '00-namespace.yaml': ns('lab-97'),
    '10-app.yaml': yaml(['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: settings, namespace: lab-97}', 'data: {mode: demo}']),
  });
  writeLab(labsDir, 'lab-98-nodes', 'lab-98', ['nodes:', '  - node: wheelhouse-worker2', '    labels: {disk: ssd}', '    taints: [{key: dedicated, value: lab, effect: NoSchedule}]'], {
    '00-namespace.yaml': ns('lab-98'),
  });
  writeLab(labsDir, 'lab-99-plain', 'lab-99', [], { '00-namespace.yaml': ns('lab-99') });
  mkdirSync(join(labsDir, 'lab-99-plain', 'solution'));
  writeFileSync(join(labsDir, 'lab-99-plain', 'solution', 'solve.sh'), 'echo "kubeconfig=$KUBECONFIG kubectl=$(command -v kubectl) pwd=$PWD"\nexit 3\n');
});
afterAll(async () => {
  // Leave the nodes at their baseline (resetting any lab restores them) and remove what was made here.
  await labIn(labsDir, ['reset', 'lab-99']);
  await kubectl(['delete', 'namespace', 'lab-07', 'lab-98', 'lab-99', 'lifecycle-other', '--ignore-not-found', '--wait=false']);
  rmSync(labsDir, { recursive: true, force: true });
});

describe('lab up, reset and solve on the test cluster', () => {
  it('up sets lab-07 up: namespace, Deployment and Service, all labelled for the lab', async () => {
    const r = await lab(['up', 'lab-07']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain('lab-07 is ready in the namespace lab-07');
    const d = await json(['-n', 'lab-07', 'get', 'deployment', 'web']);
    expect(d.metadata.labels['wheelhouse.dev/lab']).toBe('lab-07');
    expect(d.spec.replicas).toBe(2);
    expect(d.status.readyReplicas).toBe(2); // up waited for the rollout
    expect(await exists(['-n', 'lab-07', 'service', 'web'])).toBe(true);
  });

  it('status shows the cluster as Wheelhouse\'s own, its nodes and the lab', async () => {
    const r = await lab(['status', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ version: 'wheelhouse.status/v1', serverVersion: expect.stringMatching(/^v1\./), reachable: true, ownership: 'ok', simulated: true, currentLab: 'lab-07' });
    expect(s.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['wheelhouse-control-plane', 'wheelhouse-worker', 'wheelhouse-worker2']);
    expect(s.labs).toContain('lab-07');
    const text = await lab(['status']);
    expect(text.stdout).toMatch(/managed by Wheelhouse\s+yes/);
  });

  it('reset removes what the lab and the learner made, restores the nodes, and sets the lab up again', async () => {
    // A learner's work and leftovers of every kind reset must handle.
    await kubectlOk(['-n', 'lab-07', 'scale', 'deployment/web', '--replicas=4']);
    await kubectlOk(['-n', 'lab-07', 'run', 'scratch', '--image=busybox:1.36', '--', 'sleep', '3600']);
    await kubectlOk(['create', 'clusterrole', 'lab07-reader', '--verb=get', '--resource=pods']);
    await kubectlOk(['label', 'clusterrole', 'lab07-reader', 'wheelhouse.dev/lab=lab-07']);
    await kubectlOk(['create', 'namespace', 'lifecycle-other']);
    await kubectlOk(['-n', 'lifecycle-other', 'create', 'configmap', 'lab07-note', '--from-literal=a=b']);
    await kubectlOk(['-n', 'lifecycle-other', 'label', 'configmap', 'lab07-note', 'wheelhouse.dev/lab=lab-07']);
    await kubectlOk(['label', 'node', 'wheelhouse-worker', 'learner=was-here']);
    await kubectlOk(['taint', 'node', 'wheelhouse-worker2', 'learner=yes:NoSchedule']);
    await kubectlOk(['cordon', 'wheelhouse-worker']);
    const before = (await json(['get', 'deployment', '-n', 'lab-07', 'web'])).metadata.uid;

    const t0 = Date.now();
    const r = await lab(['reset', 'lab-07']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/lab-07 is back at its starting state \(cleaned in [\d.]+ s\)/);
    console.log(`lab reset lab-07 (CLI, a new process): ${Date.now() - t0} ms`);

    expect(await exists(['clusterrole', 'lab07-reader'])).toBe(false);
    expect(await exists(['-n', 'lifecycle-other', 'configmap', 'lab07-note'])).toBe(false);
    expect(await exists(['-n', 'lab-07', 'pod', 'scratch'])).toBe(false);
    const d = await json(['-n', 'lab-07', 'get', 'deployment', 'web']);
    expect(d.metadata.uid).not.toBe(before);
    expect(d.spec.replicas).toBe(2);
    const nodes = (await json(['get', 'nodes'])).items;
    const w = nodes.find((n: any) => n.metadata.name === 'wheelhouse-worker');
    const w2 = nodes.find((n: any) => n.metadata.name === 'wheelhouse-worker2');
    expect(w.metadata.labels).not.toHaveProperty('learner');
    expect(w.spec.unschedulable).toBeUndefined();
    expect((w2.spec.taints ?? []).map((t: any) => t.key)).not.toContain('learner');
    const cp = nodes.find((n: any) => n.metadata.name === 'wheelhouse-control-plane');
    expect(cp.spec.taints).toContainEqual({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
  });

  it('solve runs solution/solve.sh with the project\'s kubectl against the lab cluster', async () => {
    const r = await lab(['solve', 'lab-07']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain('solution/solve.sh finished');
    const d = await json(['-n', 'lab-07', 'get', 'deployment', 'web']);
    expect(d.spec.replicas).toBe(5);
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.27');
  });

  it('solve --with runs another script; solve on a lab that is not up is exit 1', async () => {
    await labIn(join(repoRoot, 'labs'), ['reset', 'lab-07']);
    const alt = await lab(['solve', 'lab-07', '--with', 'alt-declarative']);
    expect(alt.code, alt.stderr).toBe(0);
    expect(alt.stdout).toContain('solution/alt-declarative.sh finished');
    // Without the namespace the lab is not up: solve says so instead of running.
    const target = await openLabTarget(testCluster().kubeconfig, realSystem);
    try {
      await cleanLab(target, await loadLab('lab-07'), { progress: silentProgress, lang: 'en' });
    } finally {
      target.api.close();
    }
    const notUp = await lab(['solve', 'lab-07']);
    expect(notUp.code).toBe(1);
    expect(notUp.stderr).toContain('lab-07 is not set up on this cluster');
  });

  it('up applies a lab\'s node labels and taints; reset and switching labs take them away', async () => {
    const up = await labIn(labsDir, ['up', 'lab-98']);
    expect(up.code, up.stderr).toBe(0);
    let w2 = await json(['get', 'node', 'wheelhouse-worker2']);
    expect(w2.metadata.labels.disk).toBe('ssd');
    expect(w2.spec.taints).toContainEqual({ key: 'dedicated', value: 'lab', effect: 'NoSchedule' });

    // up twice changes nothing
    expect((await labIn(labsDir, ['up', 'lab-98'])).code).toBe(0);
    w2 = await json(['get', 'node', 'wheelhouse-worker2']);
    expect(w2.spec.taints.filter((t: any) => t.key === 'dedicated')).toHaveLength(1);

    expect((await labIn(labsDir, ['up', 'lab-99'])).code).toBe(0);
    w2 = await json(['get', 'node', 'wheelhouse-worker2']);
    expect(w2.metadata.labels).not.toHaveProperty('disk');
    expect((w2.spec.taints ?? []).map((t: any) => t.key)).not.toContain('dedicated');

    expect((await labIn(labsDir, ['up', 'lab-98'])).code).toBe(0);
    expect((await labIn(labsDir, ['reset', 'lab-99'])).code).toBe(0);
    w2 = await json(['get', 'node', 'wheelhouse-worker2']);
    expect(w2.metadata.labels).not.toHaveProperty('disk');
  });

  it('solve runs the script in the lab folder with Wheelhouse\'s kubeconfig and kubectl; a failing script is exit 1', async () => {
    expect((await labIn(labsDir, ['up', 'lab-99'])).code).toBe(0);
    const r = await labIn(labsDir, ['solve', 'lab-99']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('solution/solve.sh failed (exit code 3)');
    expect(r.stdout).toContain(`kubeconfig=${testCluster().kubeconfig} kubectl=${join(testCluster().binDir, 'kubectl')} pwd=${join(labsDir, 'lab-99-plain')}`);
  });

  it('up fails loudly (exit 1) and changes nothing when a setup object lacks the lab label', async () => {
    const r = await labIn(labsDir, ['up', 'lab-97']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('10-app.yaml: ConfigMap/settings has no label wheelhouse.dev/lab: lab-97');
    expect(await exists(['namespace', 'lab-97'])).toBe(false);
  });

  it('list shows the labs with their titles in both languages', async () => {
    const r = await lab(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Scaling and rolling updates of a Deployment');
    expect(r.stdout).toContain('디플로이먼트(Deployment) 스케일링과 롤링 업데이트');
  });
});

describe('refusing clusters Wheelhouse did not create (exit 2, nothing changed)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wh-refuse-'));
    await kubectl(['delete', 'namespace', 'lab-02', '--ignore-not-found', '--wait=true']);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const mutating = [['up', 'lab-02'], ['reset', 'lab-02'], ['solve', 'lab-02'], ['down']];

  it('a kubeconfig with no Wheelhouse record beside it', async () => {
    const foreign = join(dir, 'no-record', 'kubeconfig');
    mkdirSync(join(dir, 'no-record'));
    copyFileSync(testCluster().kubeconfig, foreign);
    for (const args of mutating) {
      const r = await lab([...args, '--kubeconfig', foreign]);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stderr).toContain('Wheelhouse has no record of creating it');
    }
    expect(await exists(['namespace', 'lab-02'])).toBe(false);
  });

  it('a record whose id is not the cluster\'s marker (another Wheelhouse setup)', async () => {
    const other = join(dir, 'other-id', 'kubeconfig');
    mkdirSync(join(dir, 'other-id'));
    copyFileSync(testCluster().kubeconfig, other);
    const real = (await readState(testCluster().kubeconfig))!;
    await writeState({ ...real, kubeconfig: other, id: 'not-the-marker-id' });
    for (const args of mutating) {
      const r = await lab([...args, '--kubeconfig', other]);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stderr).toContain('marker belongs to another Wheelhouse setup');
    }
    expect(await exists(['namespace', 'lab-02'])).toBe(false);
  });

  it('a cluster without the marker, even with Wheelhouse\'s own record', async () => {
    const restore = await saveMarker();
    await kubectlOk(['-n', 'kube-system', 'delete', 'configmap', 'wheelhouse-cluster']);
    try {
      for (const args of mutating) {
        const r = await lab(args);
        expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
        expect(r.stderr).toContain('no Wheelhouse marker');
      }
      expect(await exists(['namespace', 'lab-02'])).toBe(false);
      // status still answers, and says why
      const s = JSON.parse((await lab(['status', '--json'])).stdout);
      expect(s.ownership).toBe('no-marker');
    } finally {
      await restore();
    }
    expect((await lab(['status', '--json'])).stdout).toContain('"ownership": "ok"');
  });
});

/** Keeps the test cluster's marker, to put it back after a test that removes or replaces it. */
async function saveMarker(): Promise<() => Promise<void>> {
  const saved = JSON.parse(await kubectlOk(['-n', 'kube-system', 'get', 'configmap', 'wheelhouse-cluster', '-o', 'json']));
  for (const f of ['resourceVersion', 'uid', 'creationTimestamp', 'managedFields']) delete saved.metadata[f];
  return async () => {
    await kubectl(['-n', 'kube-system', 'delete', 'configmap', 'wheelhouse-cluster', '--ignore-not-found']);
    await kubectlOk(['create', '-f', '-'], { input: JSON.stringify(saved) });
    // Releasing an adopted cluster takes the grader away with the marker: put it back too.
    const api = await connectApi({ kubeconfig: testCluster().kubeconfig });
    await ensureGrader(api).finally(() => api.close());
  };
}

describe('the existing provider: a cluster the learner names on purpose', () => {
  it('adopts it into Wheelhouse\'s own kubeconfig, sets labs up on it, and down removes the labs and the marker but not the cluster', async () => {
    const restore = await saveMarker();
    const dir = mkdtempSync(join(tmpdir(), 'wh-adopt-'));
    const own = { WHEELHOUSE_KUBECONFIG: join(dir, 'kubeconfig') };
    try {
      // The harness's marker would make it another setup's cluster, which is not taken over; and a
      // lab-99 left by the tests above would be a namespace the cluster had before, which stays.
      await kubectlOk(['-n', 'kube-system', 'delete', 'configmap', 'wheelhouse-cluster']);
      await kubectlOk(['delete', 'namespace', 'lab-99', '--ignore-not-found', '--wait=true']);
      const context = (await readState(testCluster().kubeconfig))!.context;
      const up = await labIn(labsDir, ['up', 'lab-99', '--provider', 'existing', '--kubeconfig', testCluster().kubeconfig, '--context', context], own);
      expect(up.code, up.stderr).toBe(0);
      expect(up.stdout).toContain(`export KUBECONFIG=${own.WHEELHOUSE_KUBECONFIG}`);
      const adopted = (await readState(own.WHEELHOUSE_KUBECONFIG))!;
      expect(adopted).toMatchObject({ provider: 'existing', source: testCluster().kubeconfig, context });
      const marker = await json(['-n', 'kube-system', 'get', 'configmap', 'wheelhouse-cluster']);
      expect(marker.data.id).toBe(adopted.id);
      expect(await exists(['namespace', 'lab-99'])).toBe(true);

      // The harness's own record no longer matches the marker: refused.
      expect((await labIn(labsDir, ['reset', 'lab-99'])).code).toBe(2);
      // Adopting the same context again is a plain up; another provider is not.
      expect((await labIn(labsDir, ['up', 'lab-99', '--provider', 'existing', '--kubeconfig', testCluster().kubeconfig, '--context', context], own)).code).toBe(0);
      expect((await labIn(labsDir, ['up', 'lab-99', '--provider', 'kwok'], own)).code).toBe(64);

      const down = await labIn(labsDir, ['down'], own);
      expect(down.code, down.stderr).toBe(0);
      expect(down.stdout).toContain('the cluster itself stays');
      expect(await exists(['namespace', 'lab-99'])).toBe(false);
      expect(await exists(['-n', 'kube-system', 'configmap', 'wheelhouse-cluster'])).toBe(false);
      expect((await kubectl(['get', 'nodes'])).code).toBe(0);
      expect(await readState(own.WHEELHOUSE_KUBECONFIG)).toBeUndefined();
    } finally {
      await restore();
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await lab(['status', '--json'])).stdout).toContain('"ownership": "ok"');
  });
});

describe('an adopted cluster is other people\'s too (#14)', () => {
  const node = async (name: string) => json(['get', 'node', name]);
  const adopt = (labId: string, own: NodeJS.ProcessEnv, context: string) => labIn(labsDir, ['up', labId, '--provider', 'existing', '--kubeconfig', testCluster().kubeconfig, '--context', context], own);

  it('reset and down undo only what the lab changed on nodes, never delete a namespace that was there before, and the marker of another setup is never taken over', async () => {
    const restore = await saveMarker();
    const dir = mkdtempSync(join(tmpdir(), 'wh-adopt-others-'));
    const own = { WHEELHOUSE_KUBECONFIG: join(dir, 'kubeconfig') };
    const context = (await readState(testCluster().kubeconfig))!.context;
    try {
      // Another Wheelhouse setup's marker (the harness's): adopting is refused, and its marker stays.
      const refused = await adopt('lab-98', own, context);
      expect(refused.code, refused.stderr).toBe(2);
      expect(refused.stderr).toContain('already carries a Wheelhouse marker');
      expect((await json(['-n', 'kube-system', 'get', 'configmap', 'wheelhouse-cluster'])).data.id).toBe((await readState(testCluster().kubeconfig))!.id);

      // Without one: a team's namespace lab-98 (with their ConfigMap) is there before the adoption.
      await kubectlOk(['-n', 'kube-system', 'delete', 'configmap', 'wheelhouse-cluster']);
      await kubectlOk(['delete', 'namespace', 'lab-98', '--ignore-not-found', '--wait=true']);
      await kubectlOk(['create', 'namespace', 'lab-98']);
      await kubectlOk(['-n', 'lab-98', 'create', 'configmap', 'theirs', '--from-literal=owner=team']);
      const up = await adopt('lab-98', own, context);
      expect(up.code, up.stderr).toBe(0);
      expect((await node('wheelhouse-worker2')).metadata.labels.disk).toBe('ssd');

      // Other people work on the nodes after the adoption.
      await kubectlOk(['label', 'node', 'wheelhouse-worker', 'team=blue']);
      await kubectlOk(['taint', 'node', 'wheelhouse-worker', 'others=yes:NoSchedule']);
      await kubectlOk(['cordon', 'wheelhouse-worker']);
      await kubectlOk(['label', 'node', 'wheelhouse-worker2', 'team=green']);

      const reset = await labIn(labsDir, ['reset', 'lab-98'], own);
      expect(reset.code, reset.stderr).toBe(0);
      const w = await node('wheelhouse-worker');
      expect(w.metadata.labels.team).toBe('blue');
      expect(w.spec.unschedulable).toBe(true);
      expect(w.spec.taints).toContainEqual({ key: 'others', value: 'yes', effect: 'NoSchedule' });
      expect((await node('wheelhouse-worker2')).metadata.labels).toMatchObject({ team: 'green', disk: 'ssd' });
      expect(await exists(['-n', 'lab-98', 'configmap', 'theirs'])).toBe(true);

      const down = await labIn(labsDir, ['down'], own);
      expect(down.code, down.stderr).toBe(0);
      const w2 = await node('wheelhouse-worker2');
      expect(w2.metadata.labels.disk).toBeUndefined();
      expect(w2.metadata.labels.team).toBe('green');
      expect(w2.spec.taints ?? []).not.toContainEqual({ key: 'dedicated', value: 'lab', effect: 'NoSchedule' });
      expect((await node('wheelhouse-worker')).spec.unschedulable).toBe(true);
      expect(await exists(['namespace', 'lab-98'])).toBe(true);
      expect(await exists(['-n', 'lab-98', 'configmap', 'theirs'])).toBe(true);
      expect(await exists(['-n', 'kube-system', 'configmap', 'wheelhouse-cluster'])).toBe(false);
    } finally {
      await kubectl(['label', 'node', 'wheelhouse-worker', 'team-', '--overwrite']);
      await kubectl(['label', 'node', 'wheelhouse-worker2', 'team-', 'disk-']);
      await kubectl(['taint', 'node', 'wheelhouse-worker', 'others=yes:NoSchedule-']);
      await kubectl(['taint', 'node', 'wheelhouse-worker2', 'dedicated=lab:NoSchedule-']);
      await kubectl(['uncordon', 'wheelhouse-worker']);
      await kubectl(['delete', 'namespace', 'lab-98', '--ignore-not-found', '--wait=true']);
      await restore();
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await lab(['status', '--json'])).stdout).toContain('"ownership": "ok"');
  });
});
