// Grading is read-only by the API server's rule, not by convention (#14): on a Wheelhouse cluster
// the checker acts as wheelhouse:grader (impersonated), on the context Wheelhouse's record pins.
// A check that tries to write through the reader it is given is refused; its dry runs still work
// in the lab's namespaces; and grading follows the record's context, not the kubeconfig's current one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { kubectl, kubectlOk, testCluster } from '../support/cluster.ts';
import { connectForGrading, GRADER_USER } from '../../checker/cluster/grading.ts';
import { type ClusterReader, type KObject } from '../../checker/cluster/types.ts';
import { connectApi } from '../../checker/lifecycle/kube-api.ts';
import { allowDryRuns, ensureGrader } from '../../checker/lifecycle/grader.ts';
import { readState, writeState } from '../../checker/core/state.ts';
import { runCheck } from '../../checker/cli/check.ts';
import { ClusterError } from '../../checker/core/errors.ts';

const NS = 'grader-test';
let reader: Awaited<ReturnType<typeof connectForGrading>>;
let dir: string;

beforeAll(async () => {
  await kubectlOk(['create', 'namespace', NS]);
  // What `lab up` does: the grader's role and policy (another test may have released the cluster,
  // taking them away), and its dry runs in the lab's namespaces.
  const api = await connectApi({ kubeconfig: testCluster().kubeconfig });
  await ensureGrader(api);
  await allowDryRuns(api, [NS], { 'wheelhouse.dev/lab': 'lab-00' });
  api.close();
  reader = await connectForGrading(testCluster().kubeconfig);
  dir = mkdtempSync(join(tmpdir(), 'wh-grader-'));
});
afterAll(async () => {
  reader?.close();
  await kubectl(['delete', 'namespace', NS, '--ignore-not-found', '--wait=false']);
  rmSync(dir, { recursive: true, force: true });
});

const configMap = (name: string): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: NS }, data: { written: 'by a check' } });

/** A check that reaches past the reader's read-only methods and asks it to write (as a buggy or hostile check could). */
type Raw = { t: { request(method: string, path: string, opts?: { body?: unknown }): Promise<unknown> } };
const tryToWrite = (r: ClusterReader, path: string, body: unknown) => (r as unknown as Raw).t.request('POST', path, { body });

describe('the grader', () => {
  it('reads everything: nodes, objects in every namespace, access reviews', async () => {
    expect((await reader.list('v1', 'Node')).length).toBe(3);
    expect((await reader.list('v1', 'ConfigMap', { namespace: 'kube-system' })).some((c) => c.metadata.name === 'wheelhouse-cluster')).toBe(true);
    expect((await reader.accessReview({ user: GRADER_USER, resourceAttributes: { verb: 'delete', resource: 'secrets', namespace: NS } })).allowed).toBe(false);
  });

  it('a check that tries to write is refused by the API server: by the policy in the lab\'s namespace, by RBAC elsewhere', async () => {
    const inLab = await tryToWrite(reader, `/api/v1/namespaces/${NS}/configmaps`, configMap('from-a-check')).catch((e) => e);
    expect(inLab).toBeInstanceOf(ClusterError);
    expect((inLab as ClusterError).message).toMatch(/ValidatingAdmissionPolicy 'wheelhouse-grader'.*only reads/);
    const elsewhere = await tryToWrite(reader, '/api/v1/namespaces/default/configmaps', { ...configMap('from-a-check'), metadata: { name: 'from-a-check', namespace: 'default' } }).catch((e) => e);
    expect((elsewhere as ClusterError).message).toMatch(/cannot create resource "configmaps"/);
    const webhook = await tryToWrite(reader, '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations', { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name: 'from-a-check' }, webhooks: [] }).catch((e) => e);
    expect((webhook as ClusterError).message).toMatch(/cannot create resource "validatingwebhookconfigurations"/);
    expect((await kubectl(['-n', NS, 'get', 'configmap', 'from-a-check'])).code).not.toBe(0);
    expect((await kubectl(['get', 'validatingwebhookconfiguration', 'from-a-check'])).code).not.toBe(0);
  });

  it('may neither change nor delete anything, anywhere', async () => {
    for (const [verb, where] of [['delete', ['-n', 'kube-system']], ['patch', ['-n', 'kube-system']], ['update', ['-n', NS]], ['delete', ['-n', NS]], ['impersonate', []]] as const) {
      const r = await kubectl(['auth', 'can-i', verb, verb === 'impersonate' ? 'users' : 'configmaps', ...where, '--as', GRADER_USER]);
      expect(r.stdout.trim(), `${verb} ${where.join(' ')}`).toBe('no');
    }
  });

  it('its dry runs still answer, in the lab\'s namespaces', async () => {
    expect(await reader.admits(configMap('dry'))).toEqual({ allowed: true });
    expect((await kubectl(['-n', NS, 'get', 'configmap', 'dry'])).code).not.toBe(0);
  });

  it('dry-runs an update, an ephemeral container and a deletion of a Pod; the same requests for real are refused', async () => {
    await kubectlOk(['-n', NS, 'run', 'target', '--image=registry.k8s.io/pause:3.10']);
    // Read it once the scheduler has bound it: a Pod read before that has no nodeName, and a PUT of it
    // would look like a change of spec.nodeName (a 422: pod updates may not change other fields).
    await kubectlOk(['-n', NS, 'wait', '--for=condition=PodScheduled', 'pod/target', '--timeout=60s']);
    const pod = (await reader.get('v1', 'Pod', 'target', NS))!;
    expect(pod.spec?.nodeName).toBeTruthy();
    const { resourceVersion: _rv, ...metadata } = pod.metadata;
    const debugged = { ...pod, metadata, spec: { ...pod.spec, ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }] } };
    expect(await reader.admits(debugged, NS, { operation: 'update', subresource: 'ephemeralcontainers' })).toEqual({ allowed: true });
    expect(await reader.admits({ ...pod, metadata }, NS, { operation: 'update' })).toEqual({ allowed: true });
    expect(await reader.admits(pod, NS, { operation: 'delete' })).toEqual({ allowed: true });
    const real = await (reader as unknown as Raw).t.request('DELETE', `/api/v1/namespaces/${NS}/pods/target`).catch((e) => e);
    expect((real as ClusterError).message).toMatch(/ValidatingAdmissionPolicy 'wheelhouse-grader'.*only reads/);
    const after = JSON.parse(await kubectlOk(['-n', NS, 'get', 'pod', 'target', '-o', 'json']));
    expect(after.metadata.uid).toBe(pod.metadata.uid);
    expect(after.spec.ephemeralContainers).toBeUndefined();
  });

  it('grades on the context Wheelhouse\'s record pins, not the kubeconfig\'s current one', async () => {
    const kubeconfig = join(dir, 'kubeconfig');
    const config = parse(readFileSync(testCluster().kubeconfig, 'utf8'));
    config.clusters.push({ name: 'elsewhere', cluster: { server: 'https://127.0.0.1:1' } });
    config.contexts.push({ name: 'elsewhere', context: { cluster: 'elsewhere', user: config.users[0].name } });
    config['current-context'] = 'elsewhere';
    writeFileSync(kubeconfig, stringify(config));
    await writeState({ ...(await readState(testCluster().kubeconfig))!, kubeconfig });
    let stderr = '';
    const code = await runCheck(['lab-02', '--kubeconfig', kubeconfig, '--json'], {
      stdout: { write: () => true } as unknown as NodeJS.WritableStream,
      stderr: { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WritableStream,
      env: { LANG: 'en_US.UTF-8' },
    });
    // lab-02 is not set up: its tasks fail (1), which means the cluster was reached and read; 2 would be "cannot grade".
    expect(code, stderr).toBe(1);
  });
});
