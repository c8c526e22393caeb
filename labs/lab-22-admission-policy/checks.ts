// Checks for lab-22. The policy objects are read, and the policy is proven the way it works: the
// API server is asked for dry runs (nothing is stored) of every kind of request the texts name —
// Pod creates, an update of a running Pod's image, an ephemeral container added through the
// pods/ephemeralcontainers subresource (what `kubectl debug` does), a deletion — in the strict and
// the open namespace. A new policy takes a moment to be loaded by the API server, so a dry-run
// verdict that is not yet the expected one is marked settling: the engine asks again until its
// deadline instead of failing on the first look. Clauses: lab.yaml.
import { defineChecks, matchesSelector, match, observe, phrase, rolloutComplete, sameImage, some, type CheckContext, type KObject, type Observation } from '../../checker/index.ts';

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

/** A running Pod as it would be sent back: no resourceVersion (an unconditional update), no status. */
function resend(p: KObject, change: (spec: KObject['spec']) => void): KObject {
  const { resourceVersion: _rv, managedFields: _mf, ...metadata } = p.metadata;
  const spec = structuredClone(p.spec);
  change(spec);
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

type Probe = { label: string; expect: boolean; obj: KObject; namespace?: string; operation?: 'update' | 'delete'; subresource?: string };

/** One dry-run verdict, polled while the API server may still be loading the policy. */
async function verdict(ctx: CheckContext, p: Probe): Promise<Observation> {
  const o = await ctx.admits(p.obj, { expect: p.expect, namespace: p.namespace, ...(p.operation ? { operation: p.operation } : {}), ...(p.subresource ? { subresource: p.subresource } : {}) });
  return { ...o, subject: { label: `dry run in ${p.namespace ?? ctx.namespace}: ${p.label}` }, ...(o.ok ? {} : { settling: true }) };
}

/**
 * A running Pod of the lab namespace to dry-run updates on (web's, normally). Only a scheduled one:
 * a Pod read before the scheduler binds it has no nodeName, and a PUT of it would be refused for
 * "changing" spec.nodeName (422) — a refusal that is not the policy's and must not count as one.
 */
async function runningPod(ctx: CheckContext): Promise<KObject | undefined> {
  const pods = (await ctx.list('v1', 'Pod')).filter((p) => !p.metadata.deletionTimestamp && p.spec?.nodeName);
  return pods.find((p) => p.status?.phase === 'Running') ?? pods[0];
}

/** Nothing to dry-run an update on: said as an observation, never a silent pass. */
function noPod(ctx: CheckContext, what: string): Observation {
  return { subject: { label: `dry run in ${ctx.namespace}: ${what}` }, path: 'a running Pod to update', expected: phrase('exists'), found: phrase('noItems'), ok: false, settling: true, kubectl: `kubectl get pods -n ${ctx.namespace}` };
}

export default defineChecks({
  policy: async ({ get }) => {
    const policy = await get(ADMISSION, 'ValidatingAdmissionPolicy', 'image-tags');
    // What it refuses and admits is graded by dry runs in the next tasks, once it is bound.
    return match(policy, { metadata: { labels: LAB } });
  },

  binding: async ({ get }) => {
    const binding = await get(ADMISSION, 'ValidatingAdmissionPolicyBinding', 'image-tags-strict');
    if (!binding) return [];
    // The namespaces as the setup labels them (what the learner does to them is graded where the
    // text speaks of them: lab-22-open in good-images-allowed), and namespaces that could come later.
    const labelsOf = (name: string): Record<string, string> =>
      name === 'lab-22'
        ? { 'kubernetes.io/metadata.name': name, 'wheelhouse.dev/lab': 'lab-22', policy: 'strict' }
        : name === 'lab-22-open'
          ? { 'kubernetes.io/metadata.name': name, 'wheelhouse.dev/lab': 'lab-22' }
          : { 'kubernetes.io/metadata.name': name };
    const selector = binding.spec?.matchResources?.namespaceSelector;
    // No selector (or an empty one) selects every namespace.
    const where = (labels: Record<string, string>) => (selector ? matchesSelector(selector, labels) : true);
    const strict: [string, Record<string, string>][] = [
      ['lab-22', labelsOf('lab-22')],
      ['another namespace labelled policy=strict', { 'kubernetes.io/metadata.name': 'team-b', policy: 'strict' }],
      ['policy=strict with other labels', { 'kubernetes.io/metadata.name': 'team-c', policy: 'strict', team: 'c', 'wheelhouse.dev/lab': 'other' }],
    ];
    const others: [string, Record<string, string>][] = [
      ['lab-22-open', labelsOf('lab-22-open')],
      ['a namespace without labels', { 'kubernetes.io/metadata.name': 'team-d' }],
      ['policy=relaxed', { 'kubernetes.io/metadata.name': 'team-e', policy: 'relaxed' }],
      ['default', labelsOf('default')],
    ];
    const missed = strict.filter(([, l]) => !where(l)).map(([n]) => n);
    const extra = others.filter(([, l]) => where(l)).map(([n]) => n);
    const objectSelector = binding.spec?.matchResources?.objectSelector;
    const narrowed = !!objectSelector && (Object.keys(objectSelector.matchLabels ?? {}).length > 0 || (objectSelector.matchExpressions ?? []).length > 0);
    const names = (xs: [string, Record<string, string>][]) => xs.map(([n]) => n);
    return [
      match(binding, { metadata: { labels: LAB }, spec: { policyName: 'image-tags', validationActions: some('Deny') } }),
      // What the selectors select, not how they are written: matchLabels and matchExpressions both do.
      observe(binding, 'spec.matchResources.namespaceSelector (selects every namespace labelled policy=strict)', names(strict), names(strict).filter((n) => !missed.includes(n))),
      narrowed ? observe(binding, 'spec.matchResources.objectSelector (every Pod of those namespaces)', phrase('absent'), objectSelector, { ok: false }) : [],
      observe(binding, 'spec.matchResources.namespaceSelector (selects no namespace without policy=strict)', phrase('noItems'), extra.length ? extra : phrase('noItems'), { ok: extra.length === 0 }),
    ];
  },

  'bad-images-denied': async (ctx) => {
    const running = await runningPod(ctx);
    return Promise.all([
      verdict(ctx, { label: 'Pod with nginx:latest', expect: false, obj: pod('latest', 'nginx:latest') }),
      verdict(ctx, { label: 'Pod with nginx (no tag)', expect: false, obj: pod('untagged', 'nginx') }),
      verdict(ctx, { label: 'Pod with registry.example.com:5000/team/app (a port, no tag)', expect: false, obj: pod('port-untagged', 'registry.example.com:5000/team/app') }),
      verdict(ctx, { label: 'Pod with init container busybox:latest', expect: false, obj: pod('init-latest', 'nginx:1.27', 'busybox:latest') }),
      running
        ? verdict(ctx, {
            label: `ephemeral container busybox:latest added to ${running.metadata.name} (kubectl debug)`,
            expect: false,
            operation: 'update',
            subresource: 'ephemeralcontainers',
            obj: resend(running, (s) => (s.ephemeralContainers = [...(s.ephemeralContainers ?? []), { name: 'wheelhouse-debug', image: 'busybox:latest' }])),
          })
        : noPod(ctx, 'ephemeral container busybox:latest'),
      running
        ? verdict(ctx, {
            label: `update of ${running.metadata.name}: first container's image set to nginx:latest`,
            expect: false,
            operation: 'update',
            obj: resend(running, (s) => (s.containers[0].image = 'nginx:latest')),
          })
        : noPod(ctx, 'update to nginx:latest'),
    ]);
  },

  // Graded once bad-images-denied passes: the policy is then known to be loaded, so an image that
  // is admitted here is admitted by the policy, not merely before it took effect.
  'good-images-allowed': async (ctx) => {
    const web = await ctx.get('apps/v1', 'Deployment', 'web');
    if (!web) return [];
    const running = await runningPod(ctx);
    const webPod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-dry-run', labels: web.spec.template.metadata?.labels }, spec: web.spec.template.spec };
    const image = web.spec?.template?.spec?.containers?.[0]?.image;
    return [
      ...(await Promise.all([
        verdict(ctx, { label: 'Pod with nginx:1.27', expect: true, obj: pod('tagged', 'nginx:1.27') }),
        verdict(ctx, { label: 'Pod with registry.example.com:5000/team/app:2.1', expect: true, obj: pod('port-tagged', 'registry.example.com:5000/team/app:2.1') }),
        running
          ? verdict(ctx, {
              label: `ephemeral container busybox:1.36 added to ${running.metadata.name}`,
              expect: true,
              operation: 'update',
              subresource: 'ephemeralcontainers',
              obj: resend(running, (s) => (s.ephemeralContainers = [...(s.ephemeralContainers ?? []), { name: 'wheelhouse-debug', image: 'busybox:1.36' }])),
            })
          : noPod(ctx, 'ephemeral container busybox:1.36'),
        verdict(ctx, { label: `Pod with ${DIGEST}`, expect: true, obj: pod('digest', DIGEST) }),
        verdict(ctx, { label: "Pod of web's template", expect: true, obj: webPod }),
        running ? verdict(ctx, { label: `deletion of ${running.metadata.name}`, expect: true, operation: 'delete', obj: running }) : noPod(ctx, 'deletion'),
        verdict(ctx, { label: 'Pod with nginx:latest', expect: true, obj: pod('open-latest', 'nginx:latest'), namespace: 'lab-22-open' }),
      ])),
      // web-rollout: web keeps its template and is rolled out on it.
      observe(web, 'spec.template.spec.containers[0].image', 'nginx:1.27', image ?? phrase('nothing'), { ok: sameImage(image, 'nginx:1.27') }),
      rolloutComplete(web),
    ];
  },
});
