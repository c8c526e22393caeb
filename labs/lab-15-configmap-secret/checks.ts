// Checks for lab-15. References are followed to the objects they name, the way the kubelet does
// when it builds a container: on the simulated cluster a Pod "runs" whatever its references say,
// so the API-level checks resolve every secretKeyRef, configMapKeyRef, envFrom and volume item
// themselves, and compare decoded Secret values (never printing a password). The clauses of each
// task (lab.yaml) are named above its check; the rollout is graded with the Pods (pods-ready), where a
// real node shows whether it can finish.
import { defineChecks, match, observe, phrase, podReady, rolloutComplete, sameObject, some, type CheckContext, type KObject, type Observation } from '../../checker/index.ts';

const decode = (b64: unknown) => (typeof b64 === 'string' ? Buffer.from(b64, 'base64').toString('utf8') : undefined);

/** The container `api` of the Deployment's Pod template. */
const apiContainer = (d: KObject | undefined) => d?.spec?.template?.spec?.containers?.find((c: { name: string }) => c.name === 'api');
/** The container the wiring is graded on: api, or the only one (its name is secret-ref-fixed's business). */
const wiredContainer = (d: KObject | undefined) => apiContainer(d) ?? (d?.spec?.template?.spec?.containers?.length === 1 ? d.spec.template.spec.containers[0] : undefined);

/** The Secret db-credentials as the lab made it (the database uses it too: it stays as it is). */
const CREDENTIALS = { username: 'api', password: 's3cr3t-pa55' };
/** A file's content, with one final newline or none (echo adds one, printf need not). */
const content = (v: unknown) => (typeof v === 'string' ? v.replace(/\r?\n$/, '') : phrase('absent'));

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
async function resolves(ctx: CheckContext, d: KObject | undefined, keep: (r: Ref) => boolean = () => true): Promise<Observation[]> {
  if (!d) return [];
  const out: Observation[] = [];
  for (const r of references(d).filter(keep)) {
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
  // resolves (DB_PASSWORD gets the stored password), from-secret, secret-untouched, in-place (events
  // still name a Deployment deleted and made again), replicas, container-api, vars-kept.
  'secret-ref-fixed': async (ctx) => {
    const [api, creds, events] = await Promise.all([ctx.get('apps/v1', 'Deployment', 'api'), ctx.get('v1', 'Secret', 'db-credentials'), ctx.list('v1', 'Event')]);
    if (!api || !creds) return [];
    const got = await secretEnvValue(ctx, api, 'DB_PASSWORD');
    const c = apiContainer(api);
    /** Where a variable comes from: secret/NAME (with its key if asked), a literal, or nothing. */
    const source = (name: string, withKey = false) => {
      const e = c?.env?.find((x: { name: string }) => x.name === name);
      const ref = e?.valueFrom?.secretKeyRef;
      return ref ? `secret/${ref.name}${withKey ? ` key ${ref.key}` : ''}` : e ? (e.value !== undefined ? 'value: ***' : Object.keys(e.valueFrom ?? {}).join(', ')) : phrase('absent');
    };
    const data: Record<string, string> = creds.data ?? {};
    const keys = Object.keys(data).sort();
    const changed = Object.entries(CREDENTIALS).filter(([k, v]) => decode(data[k]) !== v).map(([k]) => `${k} (≠)`);
    return [
      sameObject(api, events),
      match(api, { spec: { replicas: 2, template: { spec: { containers: some({ name: 'api' }) } } } }),
      observe(creds, 'data (keys)', 'password, username', keys.join(', ') || phrase('noItems'), { ok: keys.join(',') === 'password,username' }),
      changed.length ? observe(creds, 'data (values)', 'password, username', changed.join(', '), { ok: false }) : [],
      // The rest is about the container api; if it is gone, the line above already says so.
      ...(c
        ? [
            observe(api, 'spec.template.spec.containers[api].env[DB_USER]', 'secret/db-credentials key username', source('DB_USER', true)),
            observe(api, 'spec.template.spec.containers[api].env[DB_PASSWORD]', 'secret/db-credentials', source('DB_PASSWORD')),
            await resolves(ctx, api, (r) => r.where === 'env DB_USER' || r.where === 'env DB_PASSWORD'),
            observe(api, 'env DB_PASSWORD (decoded)', 'secret/db-credentials data.password', got === undefined ? phrase('absent') : got === CREDENTIALS.password ? 'secret/db-credentials data.password' : '***', { ok: got === CREDENTIALS.password }),
          ]
        : []),
    ];
  },

  // exactly-two-keys, log-level, app-mode.
  'api-config': async ({ get }) => {
    const config = await get('v1', 'ConfigMap', 'api-config');
    if (!config) return [];
    return [
      match(config, { data: { LOG_LEVEL: 'info', APP_MODE: 'production' } }),
      // envFrom turns every key into a variable: a stray key is a stray variable.
      observe(config, 'data (keys)', 'APP_MODE, LOG_LEVEL', Object.keys(config.data ?? {}).sort().join(', ') || phrase('noItems')),
    ];
  },

  // keys (exactly index.html and robots.txt), index-content, robots-content (with a final newline or none).
  'api-pages': async ({ get }) => {
    const pages = await get('v1', 'ConfigMap', 'api-pages');
    if (!pages) return [];
    const data = pages.data ?? {};
    return [
      observe(pages, 'data (keys)', 'index.html, robots.txt', Object.keys({ ...data, ...pages.binaryData }).sort().join(', ') || phrase('noItems')),
      observe(pages, 'data["index.html"]', '<h1>Hello from lab-15</h1>', content(data['index.html'])),
      observe(pages, 'data["robots.txt"]', 'User-agent: *', content(data['robots.txt'])),
    ];
  },

  // opaque, exact-value (decoded exactly: `echo VALUE | base64` stores a trailing newline, which the
  // message shows quoted).
  'api-token': async ({ get }) => {
    const token = await get('v1', 'Secret', 'api-token');
    if (!token) return [];
    return [match(token, { type: 'Opaque' }), observe(token, 'data.token (decoded)', 'wh-7f3a9c', decode(token.data?.token) ?? phrase('absent'))];
  },

  // envfrom, api-token-var, items-index-only, mount-path: graded on the container api (or the only
  // container, if it was renamed: that is secret-ref-fixed's clause). That the keys it names exist is
  // graded where they are made (api-config, api-pages, api-token), and on real nodes by pods-ready.
  wired: async (ctx) => {
    const api = await ctx.get('apps/v1', 'Deployment', 'api');
    if (!api) return [];
    const c = wiredContainer(api);
    if (!c) return match(api, { spec: { template: { spec: { containers: some({ name: 'api' }) } } } });
    const at = `spec.template.spec.containers[${c.name}]`;
    const mounts: { name: string; mountPath: string; subPath?: string }[] = c.volumeMounts ?? [];
    const html = mounts.filter((m) => m.mountPath.replace(/\/+$/, '') === '/usr/share/nginx/html' && !m.subPath);
    const pagesVolume = (api.spec.template.spec.volumes ?? []).find((v: { configMap?: { name: string } }) => v.configMap?.name === 'api-pages');
    const volume = (api.spec.template.spec.volumes ?? []).find((v: { name: string }) => v.name === html[0]?.name) ?? pagesVolume;
    const items = volume?.configMap?.items ?? [];
    return [
      observe(api, `${at}.envFrom[].configMapRef.name`, 'api-config', (c.envFrom ?? []).map((f: { configMapRef?: { name: string }; secretRef?: { name: string } }) => f.configMapRef?.name ?? `secretRef ${f.secretRef?.name}`).join(', ') || phrase('absent'), {
        ok: (c.envFrom ?? []).some((f: { configMapRef?: { name: string } }) => f.configMapRef?.name === 'api-config'),
      }),
      match(api, { spec: { template: { spec: { containers: some({ name: c.name, env: some({ name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'api-token', key: 'token' } } }) }) } } } }),
      observe(api, `${at}.volumeMounts[].mountPath`, '/usr/share/nginx/html', mounts.map((m) => `${m.mountPath}${m.subPath ? ` (subPath ${m.subPath})` : ''}`).join(', ') || phrase('absent'), { ok: html.length > 0 }),
      observe(api, 'spec.template.spec.volumes[api-pages]', 'configMap api-pages, items [index.html → index.html]', describeVolume(volume), {
        ok: volume?.configMap?.name === 'api-pages' && items.length === 1 && items[0].key === 'index.html' && items[0].path === 'index.html',
      }),
    ];
  },

  // rollout-done, both-ready. Needs real containers: only a kubelet refuses to start a container
  // whose references are missing, or an image that does not exist.
  'pods-ready': async ({ get, list }) => {
    const api = await get('apps/v1', 'Deployment', 'api');
    const pods = await list('v1', 'Pod', { labelSelector: 'app=api' });
    return [rolloutComplete(api), match(api, { status: { readyReplicas: 2 } }), ...pods.filter((p) => !p.metadata.deletionTimestamp).flatMap((p) => podReady(p))];
  },
});

/** A ConfigMap volume in words, so a wrong key or path shows in the message. */
function describeVolume(v: { configMap?: { name: string; items?: { key: string; path: string }[] } } | undefined): unknown {
  if (!v) return phrase('absent');
  if (!v.configMap) return Object.keys(v).filter((k) => k !== 'name').join(', ');
  const items = v.configMap.items?.length ? `items [${v.configMap.items.map((i) => `${i.key} → ${i.path}`).join(', ')}]` : 'items -';
  return `configMap ${v.configMap.name}, ${items}`;
}

