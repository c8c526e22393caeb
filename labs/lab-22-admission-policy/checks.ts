// Checks for lab-22. The policy objects are read, and the policy is proven the way it works: the
// API server is asked to dry-run Pods (nothing is stored) in the strict and the open namespace.
// A new policy takes a moment to be loaded by the API server, so the dry-run verdicts are
// marked settling: the engine asks again until its deadline instead of failing on the first look.
import { defineChecks, matchesSelector, match, observe, oneOf, present, some, type CheckContext, type KObject, type Observation } from '../../checker/index.ts';

const ADMISSION = 'admissionregistration.k8s.io/v1';
const LAB = { 'wheelhouse.dev/lab': 'lab-22' };
const DIGEST = 'nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000';

/** A Pod to dry-run: one container with `image`, and optionally an init container. */
function pod(name: string, image: string, initImage?: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'app', image }], ...(initImage ? { initContainers: [{ name: 'init', image: initImage }] } : {}) },
  };
}

/** One dry-run verdict, polled while the API server may still be loading the policy. */
async function verdict(ctx: CheckContext, obj: KObject, expect: boolean, namespace?: string): Promise<Observation> {
  const o = await ctx.admits(obj, { expect, namespace });
  return { ...o, subject: { label: `dry run in ${namespace ?? ctx.namespace}: ${describe(obj)}` }, ...(o.ok ? {} : { settling: true }) };
}

const describe = (p: KObject) => [...(p.spec.initContainers ?? []).map((c: { image: string }) => `init ${c.image}`), ...p.spec.containers.map((c: { image: string }) => c.image)].join(' + ');

export default defineChecks({
  policy: async ({ get }) => {
    const policy = await get(ADMISSION, 'ValidatingAdmissionPolicy', 'image-tags');
    if (!policy) return [];
    const podRules = (policy.spec?.matchConstraints?.resourceRules ?? []).filter((r: { resources?: string[] }) => r.resources?.some((x) => x === 'pods' || x === '*'));
    const operations = [...new Set(podRules.flatMap((r: { operations?: string[] }) => r.operations ?? []))].sort() as string[];
    return [
      match(policy, {
        metadata: { labels: LAB },
        spec: {
          failurePolicy: 'Fail',
          matchConstraints: { resourceRules: some({ apiGroups: some(''), resources: some(oneOf('pods', '*')) }) },
          validations: some({ expression: present() }),
        },
      }),
      // "*" (or DELETE) also sends deletions through the expression, where `object` is null: the
      // expression errors, failurePolicy Fail refuses, and no Pod in the namespace can be deleted.
      observe(policy, 'spec.matchConstraints.resourceRules[pods].operations', 'CREATE, UPDATE', operations.join(', ') || 'none'),
    ];
  },

  binding: async ({ get }) => {
    const binding = await get(ADMISSION, 'ValidatingAdmissionPolicyBinding', 'image-tags-strict');
    if (!binding) return [];
    const selector = binding.spec?.matchResources?.namespaceSelector;
    const where = (labels: Record<string, string>) => (selector ? matchesSelector(selector, labels) : true);
    return [
      match(binding, { metadata: { labels: LAB }, spec: { policyName: 'image-tags', validationActions: some('Deny') } }),
      // What the selector selects, not how it is written: matchLabels and matchExpressions both do.
      observe(binding, 'spec.matchResources.namespaceSelector', 'selects namespaces labelled policy=strict only', !selector ? 'no selector: every namespace' : where({ policy: 'strict' }) && !where({}) && !where({ policy: 'relaxed' }) ? 'selects namespaces labelled policy=strict only' : where({ policy: 'strict' }) ? 'also selects namespaces without policy=strict' : 'does not select policy=strict'),
    ];
  },

  'bad-images-denied': async (ctx) =>
    Promise.all([
      verdict(ctx, pod('latest', 'nginx:latest'), false),
      verdict(ctx, pod('untagged', 'nginx'), false),
      verdict(ctx, pod('port-untagged', 'registry.example.com:5000/team/app'), false),
      verdict(ctx, pod('init-latest', 'nginx:1.27', 'busybox:latest'), false),
    ]),

  // Graded once bad-images-denied passes: the policy is then known to be loaded, so an image that
  // is admitted here is admitted by the policy, not merely before it took effect.
  'good-images-allowed': async (ctx) => {
    const web = await ctx.get('apps/v1', 'Deployment', 'web');
    if (!web) return [];
    const webPod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-dry-run', labels: web.spec.template.metadata?.labels }, spec: web.spec.template.spec };
    return Promise.all([
      verdict(ctx, pod('tagged', 'nginx:1.27'), true),
      verdict(ctx, pod('port-tagged', 'registry.example.com:5000/team/app:2.1'), true),
      verdict(ctx, pod('digest', DIGEST), true),
      verdict(ctx, webPod, true),
      verdict(ctx, pod('open-latest', 'nginx:latest'), true, 'lab-22-open'),
    ]);
  },
});
