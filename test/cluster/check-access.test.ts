// The checker only reads. Proven by grading with a service account that can do nothing but
// get/list/watch and create SubjectAccessReviews; and the real API server's refusals (401, 403,
// gone) end in exit code 2 with a clear message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { kubectl, kubectlOk, runWithCluster, testCluster } from '../support/cluster.ts';
import { loadLab } from '../../checker/lab/load.ts';
import { repoRoot } from '../../checker/core/paths.ts';
import { connect } from '../../checker/cluster/client.ts';
import { grade } from '../../checker/engine/grade.ts';
import { defineChecks } from '../../checker/index.ts';

const ns = 'check-access';
const grader = 'wheelhouse-grader';
const nobody = 'nobody';
let dir: string;
let server: string;
let caData: string;

async function kubeconfigWith(name: string, user: Record<string, string>, serverUrl = server): Promise<string> {
  const file = join(dir, `${name}.kubeconfig`);
  await writeFile(
    file,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'test', cluster: { server: serverUrl, 'certificate-authority-data': caData } }],
      users: [{ name, user }],
      contexts: [{ name: 'test', context: { cluster: 'test', user: name } }],
      'current-context': 'test',
    }),
  );
  return file;
}

async function check(args: string[]) {
  return runWithCluster(process.execPath, [join(repoRoot, 'checker', 'cli', 'check.ts'), ...args], { cwd: repoRoot, env: { LANG: 'en_US.UTF-8' } });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wheelhouse-check-access-'));
  const view = JSON.parse(await kubectlOk(['config', 'view', '--raw', '--minify', '--flatten', '-o', 'json']));
  server = view.clusters[0].cluster.server;
  caData = view.clusters[0].cluster['certificate-authority-data'];
  await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=true']);
  await kubectl(['delete', 'clusterrole,clusterrolebinding', grader, '--ignore-not-found']);
  await kubectlOk(['create', 'namespace', ns]);
  await kubectlOk(['create', 'serviceaccount', grader, '-n', ns]);
  await kubectlOk(['create', 'serviceaccount', nobody, '-n', ns]);
  // Read everything, write nothing but access reviews (which store nothing).
  await kubectlOk(['create', 'clusterrole', grader, '--verb=get,list,watch', '--resource=*.*']);
  await kubectlOk(['patch', 'clusterrole', grader, '--type=json', '-p', JSON.stringify([{ op: 'add', path: '/rules/-', value: { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] } }])]);
  await kubectlOk(['create', 'clusterrolebinding', grader, `--clusterrole=${grader}`, `--serviceaccount=${ns}:${grader}`]);
  // A right given to the namespace's service-account *group*: only a review that sends the groups sees it.
  await kubectlOk(['create', 'role', 'read-config', '-n', ns, '--verb=get', '--resource=configmaps']);
  await kubectlOk(['create', 'rolebinding', 'read-config', '-n', ns, '--role=read-config', `--group=system:serviceaccounts:${ns}`]);

  // lab-07, solved, to grade.
  const lab = await loadLab('lab-07');
  await kubectl(['delete', 'namespace', lab.namespace, '--ignore-not-found', '--wait=true', '--timeout=120s']);
  await kubectlOk(['apply', '-f', join(lab.dir, 'setup')]);
  const solved = await runWithCluster('bash', [join(lab.dir, 'solution', 'solve.sh')]);
  expect(solved.code, solved.stderr).toBe(0);
});

afterAll(async () => {
  await kubectl(['delete', 'clusterrolebinding,clusterrole', grader, '--ignore-not-found']);
  await kubectl(['delete', 'namespace', ns, 'lab-07', '--ignore-not-found', '--wait=false']);
});

describe('a read-only grader', () => {
  it('cannot write: the token really is read-only', async () => {
    const as = `--as=system:serviceaccount:${ns}:${grader}`;
    expect((await kubectl(['auth', 'can-i', 'list', 'deployments', '-A', as])).stdout.trim()).toBe('yes');
    for (const verb of ['create', 'patch', 'delete', 'update']) {
      expect((await kubectl(['auth', 'can-i', verb, 'deployments', '-n', 'lab-07', as])).stdout.trim(), verb).toBe('no');
    }
  });

  it('grades lab-07 with that token: every API task passes', async () => {
    const token = (await kubectlOk(['create', 'token', grader, '-n', ns, '--duration=10m'])).trim();
    const kubeconfig = await kubeconfigWith('grader', { token });
    const r = await check(['lab-07', '--json', '--kubeconfig', kubeconfig]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.tasks.map((t: { id: string; outcome: string }) => [t.id, t.outcome])).toEqual([
      ['web-scaled', 'pass'],
      ['rollout-strategy', 'pass'],
      ['image-updated', 'pass'],
      ['rolled-back', 'pass'],
      ['all-available', 'skipped'],
    ]);
  });

  it('asks RBAC questions with that token (SubjectAccessReview), groups included', async () => {
    const token = (await kubectlOk(['create', 'token', grader, '-n', ns, '--duration=10m'])).trim();
    const reader = await connect({ kubeconfig: await kubeconfigWith('grader-sar', { token }) });
    const lab = { ...(await loadLab('lab-07')), tasks: [(await loadLab('lab-07')).tasks[0]] };
    const checks = defineChecks({
      'web-scaled': async ({ can, cannot }) => [
        // The grader's own rights, as the API server sees them.
        await can({ serviceAccount: grader, namespace: ns }, 'list', 'deployments.apps'),
        await cannot({ serviceAccount: grader, namespace: ns }, 'delete', 'pods'),
        await cannot({ serviceAccount: nobody, namespace: ns }, 'list', 'pods'),
        await can({ serviceAccount: nobody, namespace: ns }, 'get', 'configmaps', { namespace: ns }),
      ],
    });
    const r = await grade(lab, checks, { reader });
    reader.close();
    expect(r.tasks[0].observations.map((o) => [o.path, o.ok])).toEqual([
      ['can-i list deployments.apps -n lab-07', true],
      ['can-i delete pods -n lab-07', true],
      ['can-i list pods -n lab-07', true],
      ['can-i get configmaps -n check-access', true],
    ]);
  });
});

describe('the API server refuses or is gone: exit 2 with what to do', () => {
  it('401: a token the API server does not accept', async () => {
    const r = await check(['lab-07', '--kubeconfig', await kubeconfigWith('bad-token', { token: 'not-a-real-token' })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did not accept the credentials in the kubeconfig (401 Unauthorized)');
    expect(r.stderr).not.toContain('not-a-real-token');
  });

  it('403: a service account without rights', async () => {
    const token = (await kubectlOk(['create', 'token', nobody, '-n', ns, '--duration=10m'])).trim();
    const r = await check(['lab-07', '--kubeconfig', await kubeconfigWith('nobody', { token })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/forbidden: User "system:serviceaccount:check-access:nobody" cannot list resource "nodes"/);
    expect(r.stderr).toContain('The checker needs to get and list objects');
  });

  it('no API server at the address: unreachable', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const r = await check(['lab-07', '--kubeconfig', await kubeconfigWith('gone', { token: 'x' }, `https://127.0.0.1:${port}`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot reach https://127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('an unknown lab is usage (64) even with a working cluster', async () => {
    const r = await check(['lab-99', '--kubeconfig', testCluster().kubeconfig]);
    expect(r.code).toBe(64);
  });
});
