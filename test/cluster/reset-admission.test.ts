// A lab's own admission policy must not block its reset: a ValidatingAdmissionPolicy that refuses
// every DELETE in the lab's namespace is removed first, then the namespace is emptied and deleted.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { kubectl, kubectlOk, testCluster } from '../support/cluster.ts';
import { realSystem } from '../../checker/providers/system.ts';
import { openLabTarget, type LabTarget } from '../../checker/lifecycle/up.ts';
import { sweep, labSweep } from '../../checker/lifecycle/reset.ts';

const id = 'lab-98';
const ns = 'reset-admission';
let target: LabTarget;

const policy = {
  apiVersion: 'admissionregistration.k8s.io/v1',
  kind: 'ValidatingAdmissionPolicy',
  metadata: { name: 'no-deletes-here', labels: { 'wheelhouse.dev/lab': id } },
  spec: {
    failurePolicy: 'Fail',
    matchConstraints: { resourceRules: [{ apiGroups: ['*'], apiVersions: ['*'], operations: ['*'], resources: ['*'] }] },
    validations: [{ expression: "request.operation != 'DELETE'", message: 'nothing is deleted here' }],
  },
};
const binding = {
  apiVersion: 'admissionregistration.k8s.io/v1',
  kind: 'ValidatingAdmissionPolicyBinding',
  metadata: { name: 'no-deletes-here', labels: { 'wheelhouse.dev/lab': id } },
  spec: { policyName: 'no-deletes-here', validationActions: ['Deny'], matchResources: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } } },
};

beforeAll(async () => {
  target = await openLabTarget(testCluster().kubeconfig, { ...realSystem, env: process.env });
  await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=true']);
  await kubectlOk(['create', 'namespace', ns]);
  await kubectlOk(['label', 'namespace', ns, `wheelhouse.dev/lab=${id}`]);
  await kubectlOk(['create', 'configmap', 'keep-me', '-n', ns]);
  await kubectlOk(['apply', '-f', '-'], { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [policy, binding] }) });
  // The policy is in force: a delete in the namespace is refused.
  for (let i = 0; i < 40; i++) {
    const r = await kubectl(['delete', 'configmap', 'keep-me', '-n', ns, '--dry-run=server']);
    if (r.code !== 0 && /nothing is deleted here/.test(r.stderr)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect((await kubectl(['delete', 'configmap', 'keep-me', '-n', ns, '--dry-run=server'])).stderr).toMatch(/nothing is deleted here/);
});
afterAll(async () => {
  await kubectl(['delete', 'validatingadmissionpolicybinding,validatingadmissionpolicy', 'no-deletes-here', '--ignore-not-found']);
  await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false']);
  target?.api.close();
});

it('reset removes the policy before emptying the namespace, and everything goes', async () => {
  const report = await sweep(target.api, target.marker, labSweep({ id, namespace: ns }), { provider: 'kwok', deadlineMs: 60_000 });
  expect(report.namespaces).toEqual([ns]);
  expect((await kubectl(['get', 'namespace', ns])).code).not.toBe(0);
  expect((await kubectl(['get', 'validatingadmissionpolicy', 'no-deletes-here'])).code).not.toBe(0);
  expect((await kubectl(['get', 'validatingadmissionpolicybinding', 'no-deletes-here'])).code).not.toBe(0);
});
