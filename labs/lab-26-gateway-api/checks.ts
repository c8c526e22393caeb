// Checks for lab-26. The Gateway and the HTTPRoute are graded from their spec on every cluster,
// the way an implementation reads them: defaults filled in by the CRDs (a backend without a
// weight weighs 1, a rule without matches matches every path), weights compared as a ratio, ports
// compared with the Services' own ports. Status is written only by a running implementation (NGINX
// Gateway Fabric on kind), so the Programmed, Accepted and ResolvedRefs conditions are container
// tasks.
import { condition, defineChecks, match, observe, phrase, some, type CheckContext, type KObject, type Observation } from '../../checker/index.ts';

const GW = 'gateway.networking.k8s.io/v1';
const GROUP = 'gateway.networking.k8s.io';
const CLASS = 'nginx';
const GATEWAY = 'web-gw';
const ROUTE = 'app';
const HEADER = 'x-canary';

interface PathMatch { type?: string; value?: string }
interface HeaderMatch { type?: string; name?: string; value?: string }
interface RouteMatch { path?: PathMatch; headers?: HeaderMatch[]; queryParams?: unknown[]; method?: string }
interface BackendRef { group?: string; kind?: string; name?: string; namespace?: string; port?: number; weight?: number }
interface Redirect { scheme?: string; hostname?: string; port?: number; statusCode?: number; path?: { type?: string; replaceFullPath?: string; replacePrefixMatch?: string } }
interface Filter { type?: string; requestRedirect?: Redirect }
interface Rule { matches?: RouteMatch[]; filters?: Filter[]; backendRefs?: BackendRef[] }
interface Condition { type: string; status: string; reason?: string; observedGeneration?: number }

/** The rules as the CRD defaults them: a rule without matches matches every path. */
function rulesOf(route: KObject): Rule[] {
  return (route.spec?.rules ?? []).map((r: Rule) => ({ ...r, matches: r.matches?.length ? r.matches : [{ path: { type: 'PathPrefix', value: '/' } }] }));
}

/** The match leaves the path alone: any path at all. */
const anyPath = (m: RouteMatch) => !m.path || ((m.path.type ?? 'PathPrefix') === 'PathPrefix' && (m.path.value ?? '/') === '/');
/** Nothing but the path narrows the match. */
const onlyPath = (m: RouteMatch) => !m.headers?.length && !m.queryParams?.length && !m.method;
/** Every request: any path, no header, query or method condition. */
const catchAll = (m: RouteMatch) => anyPath(m) && onlyPath(m);
/** Exactly the header x-canary: true, on any path. Header names are case-insensitive. */
const canaryOnly = (m: RouteMatch) =>
  anyPath(m) &&
  !m.queryParams?.length &&
  !m.method &&
  m.headers?.length === 1 &&
  m.headers[0].name?.toLowerCase() === HEADER &&
  m.headers[0].value === 'true' &&
  (m.headers[0].type ?? 'Exact') === 'Exact';

// Matches and backends are written in the notation of the YAML, so they read the same in every language.
function describeMatch(m: RouteMatch): string {
  const parts: string[] = [];
  if (m.path) parts.push(`path: ${m.path.type ?? 'PathPrefix'} ${m.path.value ?? '/'}`);
  const headers = (m.headers ?? []).map((h) => `${h.name}${(h.type ?? 'Exact') === 'Exact' ? '=' : ` ${h.type} `}${h.value}`);
  if (headers.length) parts.push(`headers: ${headers.join(', ')}`);
  if (m.queryParams?.length) parts.push(`queryParams: ${m.queryParams.length}`);
  if (m.method) parts.push(`method: ${m.method}`);
  return `{${parts.join(', ')}}`;
}

const describeMatches = (rules: Rule[]): unknown =>
  rules.length ? rules.map((r, i) => `rules[${i}] ${(r.matches ?? []).map(describeMatch).join(' | ')}`).join('; ') : phrase('nothing');

/** The Services' own ports, by name, from the lab's Services (undefined when a Service is gone). */
async function servicePorts(ctx: CheckContext): Promise<Map<string, number[]>> {
  const ports = new Map<string, number[]>();
  for (const name of ['app-v1', 'app-v2']) {
    const svc = await ctx.find('v1', 'Service', name);
    ports.set(name, (svc?.spec?.ports ?? []).map((p: { port: number }) => p.port));
  }
  return ports;
}

/** The backends that get traffic (weight above 0), each as "name:port ×weight". */
function effective(refs: BackendRef[] | undefined): (BackendRef & { weight: number })[] {
  return (refs ?? []).map((b) => ({ ...b, weight: b.weight ?? 1 })).filter((b) => b.weight > 0);
}

/** Backends as name:port ×weight (a missing weight is 1). */
function describeBackends(refs: BackendRef[] | undefined): unknown {
  const list = (refs ?? []).map((b) => {
    const kind = (b.kind ?? 'Service') === 'Service' ? '' : `${b.kind} `;
    const ns = b.namespace ? `${b.namespace}/` : '';
    return `${kind}${ns}${b.name}:${b.port ?? '-'} ×${b.weight ?? 1}`;
  });
  return list.length ? list.join(', ') : phrase('nothing');
}

/** A backendRef to one of the lab's Services, in the lab's namespace, on a port that Service has. */
function validRef(b: BackendRef, ns: string, ports: Map<string, number[]>): boolean {
  return (b.group ?? '') === '' && (b.kind ?? 'Service') === 'Service' && (b.namespace ?? ns) === ns && !!b.name && (ports.get(b.name) ?? []).includes(b.port ?? -1);
}

const portsText = (ports: Map<string, number[]>, name: string) => `${name}:${(ports.get(name) ?? []).join('|') || '?'}`;

/** The route's status for web-gw, written by the implementation. */
function parentStatus(route: KObject, ns: string): { conditions?: Condition[] } | undefined {
  return (route.status?.parents ?? []).find(
    (p: { parentRef?: { name?: string; namespace?: string } }) => p.parentRef?.name === GATEWAY && (p.parentRef?.namespace ?? route.metadata.namespace ?? ns) === ns,
  );
}

function routeCondition(route: KObject, parent: { conditions?: Condition[] }, type: string): Observation[] {
  const c = parent.conditions?.find((x) => x.type === type);
  const generation = route.metadata.generation;
  const stale = c !== undefined && typeof generation === 'number' && typeof c.observedGeneration === 'number' && c.observedGeneration < generation;
  const ok = c?.status === 'True' && !stale;
  const found = !c
    ? phrase('conditionMissing', { type })
    : stale
      ? phrase('conditionStale', { type, status: c.status, observed: c.observedGeneration!, generation: generation! })
      : phrase('conditionIs', { type, status: c.reason && c.status !== 'True' ? `${c.status} (${c.reason})` : c.status });
  return observe(route, `status.parents[${GATEWAY}].conditions[${type}]`, phrase('conditionIs', { type, status: 'True' }), found, { ok, ...(ok ? {} : { settling: true }) });
}

export default defineChecks({
  gateway: async ({ get }) =>
    match(await get(GW, 'Gateway', GATEWAY), {
      spec: {
        gatewayClassName: CLASS,
        // allowedRoutes defaults to namespaces.from Same when the listener does not say.
        listeners: some({ protocol: 'HTTP', port: 80, allowedRoutes: { namespaces: { from: 'Same' } } }),
      },
    }),

  // Needs the implementation: it writes the Gateway's conditions once its data plane runs.
  'gateway-programmed': async ({ get }) => {
    const gw = await get(GW, 'Gateway', GATEWAY);
    return [...condition(gw, 'Accepted'), ...condition(gw, 'Programmed')];
  },

  'route-attached': async ({ get, find, namespace: ns }) => {
    const route = await get(GW, 'HTTPRoute', ROUTE);
    if (!route) return [];
    const gw = await find(GW, 'Gateway', GATEWAY);
    const listeners: string[] = (gw?.spec?.listeners ?? []).map((l: { name: string }) => l.name);
    const refs: { group?: string; kind?: string; name?: string; namespace?: string; sectionName?: string }[] = route.spec?.parentRefs ?? [];
    const describe = (p: (typeof refs)[number]) =>
      `${(p.kind ?? 'Gateway') === 'Gateway' ? 'Gateway' : p.kind} ${p.namespace ?? ns}/${p.name}${p.sectionName ? ` (sectionName: ${p.sectionName})` : ''}`;
    const ok = refs.some(
      (p) =>
        (p.group ?? GROUP) === GROUP &&
        (p.kind ?? 'Gateway') === 'Gateway' &&
        p.name === GATEWAY &&
        (p.namespace ?? ns) === ns &&
        // A sectionName must name one of web-gw's listeners, or nothing attaches.
        (!p.sectionName || !gw || listeners.includes(p.sectionName)),
    );
    return observe(route, 'spec.parentRefs', `Gateway ${ns}/${GATEWAY}`, refs.length ? refs.map(describe).join(', ') : phrase('nothing'), { ok });
  },

  'canary-header': async (ctx) => {
    const route = await ctx.get(GW, 'HTTPRoute', ROUTE);
    if (!route) return [];
    const rules = rulesOf(route);
    const ports = await servicePorts(ctx);
    const i = rules.findIndex((r) => r.matches!.some(canaryOnly));
    if (i < 0) {
      return observe(route, 'spec.rules[*].matches', `{headers: ${HEADER}=true}`, describeMatches(rules), { ok: false });
    }
    const rule = rules[i];
    const live = effective(rule.backendRefs);
    const ok = !rule.filters?.some((f) => f.type === 'RequestRedirect') && live.length > 0 && live.every((b) => b.name === 'app-v2' && validRef(b, ctx.namespace, ports));
    return observe(route, `spec.rules[${i}].backendRefs`, `${portsText(ports, 'app-v2')}`, describeBackends(rule.backendRefs), { ok });
  },

  'canary-split': async (ctx) => {
    const route = await ctx.get(GW, 'HTTPRoute', ROUTE);
    if (!route) return [];
    const rules = rulesOf(route);
    const ports = await servicePorts(ctx);
    const candidates = rules.map((r, i) => ({ r, i })).filter(({ r }) => r.matches!.some(catchAll));
    if (!candidates.length) {
      return observe(route, 'spec.rules[*].matches', '{path: PathPrefix /}', describeMatches(rules), { ok: false });
    }
    const tries = candidates.map(({ r, i }): Observation[] => {
      const live = effective(r.backendRefs);
      const weight = (name: string) => live.filter((b) => b.name === name).reduce((s, b) => s + b.weight, 0);
      const [v1, v2] = [weight('app-v1'), weight('app-v2')];
      const total = live.reduce((s, b) => s + b.weight, 0);
      const refsOk = live.length > 0 && live.every((b) => (b.name === 'app-v1' || b.name === 'app-v2') && validRef(b, ctx.namespace, ports));
      const ratioOk = v2 > 0 && v1 === 9 * v2 && v1 + v2 === total;
      const pct = (w: number) => (total ? `${Math.round((w / total) * 1000) / 10}%` : '0%');
      return [
        ...observe(route, `spec.rules[${i}].backendRefs`, `${portsText(ports, 'app-v1')}, ${portsText(ports, 'app-v2')}`, describeBackends(r.backendRefs), { ok: refsOk }),
        ...observe(route, `spec.rules[${i}].backendRefs[*].weight`, 'app-v1:app-v2 = 9:1 (90% / 10%)', `app-v1:app-v2 = ${v1}:${v2} (${pct(v1)} / ${pct(v2)})`, { ok: ratioOk }),
      ];
    });
    return tries.find((t) => t.every((o) => o.ok)) ?? tries.reduce((best, t) => (t.filter((o) => o.ok).length > best.filter((o) => o.ok).length ? t : best));
  },

  redirect: async ({ get }) => {
    const route = await get(GW, 'HTTPRoute', ROUTE);
    if (!route) return [];
    const rules = rulesOf(route);
    const old = (m: RouteMatch) => onlyPath(m) && m.path?.value === '/old' && ['Exact', 'PathPrefix'].includes(m.path.type ?? 'PathPrefix');
    const i = rules.findIndex((r) => r.matches!.some(old));
    if (i < 0) return observe(route, 'spec.rules[*].matches', '{path: Exact /old}', describeMatches(rules), { ok: false });
    const filters = rules[i].filters ?? [];
    const f = filters.find((x) => x.type === 'RequestRedirect');
    if (!f) {
      return observe(route, `spec.rules[${i}].filters`, 'RequestRedirect', filters.length ? filters.map((x) => x.type).join(', ') : phrase('nothing'), { ok: false });
    }
    const r = f.requestRedirect ?? {};
    const p = r.path;
    const path = !p ? '' : p.type === 'ReplaceFullPath' ? `ReplaceFullPath ${p.replaceFullPath}` : `ReplacePrefixMatch ${p.replacePrefixMatch}`;
    const target = [r.scheme && `scheme ${r.scheme}`, r.hostname && `hostname ${r.hostname}`, r.port && `port ${r.port}`, path].filter(Boolean).join(', ');
    const pathOk = !r.scheme && !r.hostname && !r.port && !!p && (p.type === 'ReplaceFullPath' ? p.replaceFullPath === '/' : p.replacePrefixMatch === '/');
    return [
      // The CRD defaults a missing statusCode to 302, a temporary redirect.
      ...observe(route, `spec.rules[${i}].filters[RequestRedirect].requestRedirect.statusCode`, 301, r.statusCode ?? 302),
      ...observe(route, `spec.rules[${i}].filters[RequestRedirect].requestRedirect`, 'path: ReplaceFullPath /', target || phrase('nothing'), { ok: pathOk }),
    ];
  },

  // Needs the implementation: it writes the route's status per parent.
  'route-accepted': async ({ get, namespace: ns }) => {
    const route = await get(GW, 'HTTPRoute', ROUTE);
    if (!route) return [];
    const parent = parentStatus(route, ns);
    if (!parent) return observe(route, `status.parents[${GATEWAY}]`, phrase('exists'), phrase('nothing'), { ok: false, settling: true });
    return [...routeCondition(route, parent, 'Accepted'), ...routeCondition(route, parent, 'ResolvedRefs')];
  },
});
