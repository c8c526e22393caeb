// The reader's dry-run create against the real API server: admission really runs (Pod Security
// here), nothing is stored, and RBAC refusing the checker itself is an error, not an answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectl, kubectlOk, testCluster } from '../support/cluster.ts';
import { connect, type HttpClusterReader } from '../../checker/cluster/client.ts';
import { ClusterError } from '../../checker/core/errors.ts';

const ns = 'check-admits';
let reader: HttpClusterReader;
const pod = (name: string, securityContext: object = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10', securityContext }] },
});

beforeAll(async () => {
  await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=true']);
  await kubectlOk(['create', 'namespace', ns]);
  await kubectlOk(['label', 'namespace', ns, 'pod-security.kubernetes.io/enforce=restricted']);
  reader = await connect({ kubeconfig: testCluster().kubeconfig });
});
afterAll(async () => {
  reader?.close();
  await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false']);
});

describe('admits (dry-run create)', () => {
  it('reports the Pod Security refusal with the server message, and stores nothing', async () => {
    const answer = await reader.admits(pod('root'), ns);
    expect(answer.allowed).toBe(false);
    expect(answer.status).toBe(403);
    expect(answer.message).toMatch(/violates PodSecurity "restricted/);
    expect(await reader.get('v1', 'Pod', 'root', ns)).toBeUndefined();
  });

  it('admits a Pod that meets the policy, and still stores nothing', async () => {
    const ok = pod('restricted', { runAsNonRoot: true, runAsUser: 65532, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } });
    expect(await reader.admits(ok, ns)).toEqual({ allowed: true });
    expect(await reader.get('v1', 'Pod', 'restricted', ns)).toBeUndefined();
  });

  it('reports an invalid object as refused (422), not as an error', async () => {
    const bad = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'Bad_Name' }, spec: { containers: [] } };
    const answer = await reader.admits(bad, ns);
    expect(answer).toMatchObject({ allowed: false, status: 422 });
  });

  it('a kind the server does not serve is an error', async () => {
    await expect(reader.admits({ apiVersion: 'example.com/v1', kind: 'Nothing', metadata: { name: 'x' } }, ns)).rejects.toBeInstanceOf(ClusterError);
  });
});
