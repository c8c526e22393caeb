// Checks for lab-23. The CRD is read field by field (names, scope, the version, its status
// subresource and printer column) and must be Established. The schema is graded the way it
// works: the API server is asked to dry-run Applications (nothing is stored) that must be refused
// or admitted. The Application my-app is read back through the new endpoint.
//
// The checks that talk to the new endpoint depend on `crd`: they run only once the kind is served
// in the right scope, so the checker never asks for stable.example.com/v1 before it exists.
import { condition, defineChecks, exactly, filterList, match, matching, observe, oneOf, phrase, present, sameImage, some, type CheckContext, type KObject, type Observation } from '../../checker/index.ts';

const CRD = 'apiextensions.k8s.io/v1';
const NAME = 'applications.stable.example.com';
const GROUP = 'stable.example.com';
const API = `${GROUP}/v1`;
const LAB = { 'wheelhouse.dev/lab': 'lab-23' };

/** An Application to dry-run, with whatever spec the case needs (undefined: no spec at all). */
function application(name: string, spec?: Record<string, unknown>): KObject {
  return { apiVersion: API, kind: 'Application', metadata: { name }, ...(spec ? { spec } : {}) };
}

const describe = (a: KObject) => (a.spec ? `spec ${JSON.stringify(a.spec)}` : 'no spec');

/** One dry-run verdict; a wrong one is looked at again while a just-changed schema is loaded. */
async function verdict(ctx: CheckContext, obj: KObject, expect: boolean): Promise<Observation> {
  const o = await ctx.admits(obj, { expect });
  return { ...o, subject: { label: `dry run in ${ctx.namespace}: Application with ${describe(obj)}` }, ...(o.ok ? {} : { settling: true }) };
}

/** CRDs that look like an attempt at this one under another name (a wrong plural or group). */
function lookalikes(crds: KObject[]): KObject[] {
  return crds.filter((c) => c.metadata.name !== NAME && (c.metadata.labels?.['wheelhouse.dev/lab'] === 'lab-23' || c.spec?.names?.kind === 'Application' || String(c.spec?.group ?? '').endsWith('example.com')));
}

export default defineChecks({
  crd: async ({ get, find, list }) => {
    const crd = await find(CRD, 'CustomResourceDefinition', NAME);
    if (!crd) {
      // Say what is there instead: the name is always <plural>.<group>, so a wrong plural or group shows up here.
      const others = lookalikes(await list(CRD, 'CustomResourceDefinition'));
      await get(CRD, 'CustomResourceDefinition', NAME);
      return others.length
        ? observe(others, 'metadata.name', NAME, others.map((c) => `${c.metadata.name} (group ${c.spec?.group}, plural ${c.spec?.names?.plural})`).join(', '), { ok: false })
        : [];
    }
    return [
      match(crd, {
        metadata: { labels: LAB },
        spec: {
          group: GROUP,
          scope: 'Namespaced',
          names: { kind: 'Application', plural: 'applications', singular: 'application', shortNames: some('app') },
          // One version: a second one (even served only) is an API the task did not ask for.
          versions: exactly([
            {
              name: 'v1',
              served: true,
              storage: true,
              subresources: { status: present() },
              additionalPrinterColumns: some({ name: matching(/^replicas$/i), jsonPath: oneOf('.spec.replicas') }),
            },
          ]),
        },
      }),
      condition(crd, 'Established'),
    ];
  },

  schema: (ctx) =>
    Promise.all([
      verdict(ctx, application('too-many', { replicas: 20, image: 'nginx:1.27' }), false),
      verdict(ctx, application('zero', { replicas: 0, image: 'nginx:1.27' }), false),
      verdict(ctx, application('string-replicas', { replicas: '3', image: 'nginx:1.27' }), false),
      verdict(ctx, application('fraction', { replicas: 2.5, image: 'nginx:1.27' }), false),
      verdict(ctx, application('no-replicas', { image: 'nginx:1.27' }), false),
      verdict(ctx, application('number-image', { replicas: 2, image: 42 }), false),
      verdict(ctx, application('no-spec'), false),
      verdict(ctx, application('ten', { replicas: 10, image: 'nginx:1.27' }), true),
      verdict(ctx, application('one', { replicas: 1, image: 'nginx:1.27' }), true),
    ]),

  'custom-resource': async ({ get, list }) => {
    const app = await get(API, 'Application', 'my-app');
    if (!app) return [];
    const [deployments, pods] = await Promise.all([list('apps/v1', 'Deployment'), list('v1', 'Pod')]);
    const running = filterList(pods, (p) => !p.metadata.deletionTimestamp);
    return [
      match(app, { spec: { replicas: 3 } }),
      observe(app, 'spec.image', 'nginx:1.27', app.spec?.image ?? phrase('nothing'), { ok: sameImage(app.spec?.image, 'nginx:1.27') }),
      // No controller watches Applications: nothing else happens, and nothing else was made for it.
      observe(deployments, 'items (no Deployment: no controller acts on Applications)', phrase('noItems'), deployments.length ? deployments.map((d) => d.metadata.name) : phrase('noItems'), { ok: deployments.length === 0 }),
      observe(running, 'items (no Pod)', phrase('noItems'), running.length ? running.map((p) => p.metadata.name) : phrase('noItems'), { ok: running.length === 0 }),
    ];
  },
});
