// Checks for lab-15. References are followed to the objects they name, the way the kubelet does
// when it builds a container: on the simulated cluster a Pod "runs" whatever its references say,
// so the API-level checks resolve every secretKeyRef, configMapKeyRef, envFrom and volume item
// themselves, and compare decoded Secret values (never printing a password).
import { defineChecks, match, observe, podReady, rolloutComplete, some, type CheckContext, type KObject, type Observation } from '../../checker/index.ts';

const decode = (b64: unknown) => (typeof b64 === 'string' ? Buffer.from(b64, 'base64').toString('utf8') : undefined);

/** The container `api` of the Deployment's Pod template. */
const apiContainer = (d: KObject | undefined) => d?.spec?.template?.spec?.containers?.find((c: { name: string }) => c.name === 'api');

type Ref = { where: string; kind: 'Secret' | 'ConfigMap'; name: string; key?: string; optional?: boolean };

/** Every reference the container `api` makes to a Secret or ConfigMap (env, envFrom, volumes it mounts). */
function references(d: KObject): Ref[] {
  const c = apiContainer(d);
  if (!c) return [];
  const refs: Ref[] = [];
  for (const e of c.env ?? []) {
    const s = e.valueFrom?.secretKeyRef;
    const m = e.valueFrom?.configMapKeyRef;
    if (s) refs.push({ where: `env ${e.name}`, kind: 'Secret', name: s.name, key: s.key, optional: s.optional });
    if (m) refs.push({ where: `env ${e.name}`, kind: 'ConfigMap', name: m.name, key: m.key, optional: m.optional });
  }
  for (const f of c.envFrom ?? []) {
    if (f.secretRef) refs.push({ where: 'envFrom', kind: 'Secret', name: f.secretRef.name, optional: f.secretRef.optional });
    if (f.configMapRef) refs.push({ where: 'envFrom', kind: 'ConfigMap', name: f.configMapRef.name, optional: f.configMapRef.optional });
  }
  const mounted = new Set((c.volumeMounts ?? []).map((m: { name: string }) => m.name));
  for (const v of d.spec.template.spec.volumes ?? []) {
    if (!mounted.has(v.name)) continue;
    const source = v.configMap ? { kind: 'ConfigMap' as const, name: v.configMap.name, items: v.configMap.items, optional: v.configMap.optional } : v.secret ? { kind: 'Secret' as const, name: v.secret.secretName, items: v.secret.items, optional: v.secret.optional } : undefined;
    if (!source) continue;
    if (!source.items?.length) refs.push({ where: `volume ${v.name}`, kind: source.kind, name: source.name, optional: source.optional });
    for (const item of source.items ?? []) refs.push({ where: `volume ${v.name}`, kind: source.kind, name: source.name, key: item.key, optional: source.optional });
  }
  return refs;
}

/** One observation per reference: the object and key it names exist (optional references may miss). */
async function resolves(ctx: CheckContext, d: KObject | undefined): Promise<Observation[]> {
  if (!d) return [];
  const out: Observation[] = [];
  for (const r of references(d)) {
    const obj = await ctx.find('v1', r.kind, r.name);
    const keys = Object.keys({ ...obj?.data, ...obj?.binaryData });
    const what = `${r.kind.toLowerCase()}/${r.name}${r.key ? ` key ${r.key}` : ''}`;
    const found = !obj ? `no ${r.kind.toLowerCase()}/${r.name}` : r.key && !keys.includes(r.key) ? `no key ${r.key} in ${r.kind.toLowerCase()}/${r.name} (keys: ${keys.join(', ') || 'none'})` : what;
    out.push(...observe(d, `${r.where} → ${r.kind.toLowerCase()}/${r.name}`, what, found, { ok: found === what || !!r.optional }));
  }
  return out;
}

/** The value env `name` of the container `api` gets from a Secret, decoded, or a description of why none. */
async function secretEnvValue(ctx: CheckContext, d: KObject, name: string): Promise<string | undefined> {
  const ref = apiContainer(d)?.env?.find((e: { name: string }) => e.name === name)?.valueFrom?.secretKeyRef;
  if (!ref) return undefined;
  const secret = await ctx.find('v1', 'Secret', ref.name);
  return decode(secret?.data?.[ref.key]);
}

export default defineChecks({
  // The Deployment that was given, fixed: still two replicas, the container api, both variables
  // from db-credentials, and DB_PASSWORD really gets the stored password.
  'secret-ref-fixed': async (ctx) => {
    const [api, creds] = await Promise.all([ctx.get('apps/v1', 'Deployment', 'api'), ctx.get('v1', 'Secret', 'db-credentials')]);
    if (!api || !creds) return [];
    const password = decode(creds.data?.password);
    const got = await secretEnvValue(ctx, api, 'DB_PASSWORD');
    const c = apiContainer(api);
    /** Where a variable comes from, in words. */
    const source = (name: string) => {
      const e = c?.env?.find((x: { name: string }) => x.name === name);
      const ref = e?.valueFrom?.secretKeyRef;
      return ref ? `from secret/${ref.name}` : e ? 'not from a Secret' : 'no such variable';
    };
    return [
      match(api, { spec: { replicas: 2, template: { metadata: { labels: { app: 'api' } }, spec: { containers: some({ name: 'api', image: 'nginx:1.27' }) } } } }),
      // The rest is about the container api; if it is gone, the line above already says so.
      ...(c
        ? [
            observe(api, 'containers[api].env DB_USER', 'from secret/db-credentials', source('DB_USER')),
            observe(api, 'containers[api].env DB_PASSWORD', 'from secret/db-credentials', source('DB_PASSWORD')),
            await resolves(ctx, api),
            observe(api, 'env DB_PASSWORD (decoded)', 'the password stored in secret/db-credentials', got === undefined ? 'no value' : got === password ? 'the password stored in secret/db-credentials' : 'a different value'),
          ]
        : []),
      rolloutComplete(api),
    ];
  },

  'api-config': async ({ get }) => {
    const config = await get('v1', 'ConfigMap', 'api-config');
    if (!config) return [];
    return [
      match(config, { data: { LOG_LEVEL: 'info', APP_MODE: 'production' } }),
      // envFrom turns every key into a variable: a stray key is a stray variable.
      observe(config, 'data (keys)', 'APP_MODE, LOG_LEVEL', Object.keys(config.data ?? {}).sort().join(', ') || 'none'),
    ];
  },

  // A file's content usually ends with a newline; either way is right.
  'api-pages': async ({ get }) => {
    const pages = await get('v1', 'ConfigMap', 'api-pages');
    if (!pages) return [];
    const data = pages.data ?? {};
    return [
      observe(pages, 'data (keys)', 'index.html, robots.txt', Object.keys(data).sort().join(', ') || 'none'),
      observe(pages, 'data["index.html"]', '<h1>Hello from lab-15</h1>', data['index.html']?.trim() ?? 'missing'),
      observe(pages, 'data["robots.txt"]', 'User-agent: *', data['robots.txt']?.trim() ?? 'missing'),
    ];
  },

  // Decoded exactly: `echo VALUE | base64` stores a trailing newline, which the message shows quoted.
  'api-token': async ({ get }) => {
    const token = await get('v1', 'Secret', 'api-token');
    if (!token) return [];
    return [match(token, { type: 'Opaque' }), observe(token, 'data.token (decoded)', 'wh-7f3a9c', decode(token.data?.token) ?? 'missing')];
  },

  wired: async (ctx) => {
    const api = await ctx.get('apps/v1', 'Deployment', 'api');
    if (!api) return [];
    const c = apiContainer(api);
    const mountedAt = (c?.volumeMounts ?? []).find((m: { mountPath: string }) => m.mountPath.replace(/\/$/, '') === '/usr/share/nginx/html');
    const volume = (api.spec.template.spec.volumes ?? []).find((v: { name: string }) => v.name === mountedAt?.name);
    return [
      match(api, {
        spec: {
          template: {
            spec: {
              containers: some({
                name: 'api',
                envFrom: some({ configMapRef: { name: 'api-config' } }),
                env: some({ name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'api-token', key: 'token' } } }),
                volumeMounts: some({ mountPath: '/usr/share/nginx/html' }),
              }),
            },
          },
        },
      }),
      observe(api, 'volume mounted at /usr/share/nginx/html', 'configMap api-pages, items [index.html → index.html]', describeVolume(volume)),
      await resolves(ctx, api),
      rolloutComplete(api),
    ];
  },

  // Needs real containers: only a kubelet refuses to start a container whose references are missing.
  'pods-ready': async ({ get, list }) => {
    const api = await get('apps/v1', 'Deployment', 'api');
    const pods = await list('v1', 'Pod', { labelSelector: 'app=api' });
    return [match(api, { status: { readyReplicas: 2 } }), ...pods.flatMap((p) => podReady(p))];
  },
});

/** A ConfigMap volume in words, so a wrong key or path shows in the message. */
function describeVolume(v: { configMap?: { name: string; items?: { key: string; path: string }[] } } | undefined): string {
  if (!v) return 'no volume';
  if (!v.configMap) return 'not a configMap volume';
  const items = v.configMap.items?.length ? `items [${v.configMap.items.map((i) => `${i.key} → ${i.path}`).join(', ')}]` : 'no items (every key)';
  return `configMap ${v.configMap.name}, ${items}`;
}

