// Checks for lab-26. The Gateway and the HTTPRoute are graded from their spec on every cluster,
// the way an implementation reads them: defaults filled in by the CRDs (a backend without a
// weight weighs 1, a rule without matches matches every path, a listener without allowedRoutes
// takes routes of its own namespace), weights compared as a ratio, ports compared with the
// Services' own ports. The rules are graded by what they do: sample requests (paths, methods, with
// and without x-canary: true) are routed by the Gateway API's precedence (Exact path before
// prefix, the longest prefix, a method, more header matches, more query matches, then the first
// rule), and the rule that wins each one is the rule graded. Status is written only by a running
// implementation (NGINX Gateway Fabric on kind), so the Programmed, Accepted and ResolvedRefs
// conditions are container tasks. The clauses of each task (lab.yaml) are named above its check.
import { condition, defineChecks, match, matchesSelector, observe, phrase, type CheckContext, type KObject, type Observation } from '../../checker/index.ts';

const GW = 'gateway.networking.k8s.io/v1';
const GROUP = 'gateway.networking.k8s.io';
const CLASS = 'nginx';
const GATEWAY = 'web-gw';
const ROUTE = 'app';
const HEADER = 'x-canary';
const NAME_LABEL = 'kubernetes.io/metadata.name';

interface PathMatch { type?: string; value?: string }
interface ValueMatch { type?: string; name?: string; value?: string }
interface RouteMatch { path?: PathMatch; headers?: ValueMatch[]; queryParams?: ValueMatch[]; method?: string }
interface BackendRef { group?: string; kind?: string; name?: string; namespace?: string; port?: number; weight?: number }
interface Redirect { scheme?: string; hostname?: string; port?: number; statusCode?: number; path?: { type?: string; replaceFullPath?: string; replacePrefixMatch?: string } }
interface Filter { type?: string; requestRedirect?: Redirect }
interface Rule { matches?: RouteMatch[]; filters?: Filter[]; backendRefs?: BackendRef[] }
interface Condition { type: string; status: string; reason?: string; observedGeneration?: number }
interface Listener { name?: string; hostname?: string; port?: number; protocol?: string; tls?: unknown; allowedRoutes?: { namespaces?: { from?: string; selector?: Parameters<typeof matchesSelector>[0] }; kinds?: { group?: string; kind?: string }[] } }

/** A request as the Gateway sees it. */
interface Request { method: string; path: string; headers: Record<string, string> }

/** The rules as the CRD defaults them: a rule without matches matches every path. */
function rulesOf(route: KObject): Rule[] {
  return (route.spec?.rules ?? []).map((r: Rule) => ({ ...r, matches: r.matches?.length ? r.matches : [{ path: { type: 'PathPrefix', value: '/' } }] }));
}

const segments = (p: string) => p.split('/').filter(Boolean);

function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return false;
  }
}

/** Does this match select the request? PathPrefix is matched per path element (/old is not a prefix of /oldies). */
function selects(m: RouteMatch, req: Request): boolean {
  const type = m.path?.type ?? 'PathPrefix';
  const value = m.path?.value ?? '/';
  if (type === 'Exact' && value !== req.path) return false;
  if (type === 'PathPrefix') {
    const want = segments(value);
    const got = segments(req.path);
    if (!(want.length <= got.length && want.every((s, i) => s === got[i]))) return false;
  }
  if (type === 'RegularExpression' && !fullMatch(value, req.path)) return false;
  if (m.method && m.method !== req.method) return false;
  for (const h of m.headers ?? []) {
    const got = req.headers[(h.name ?? '').toLowerCase()];
    if (got === undefined) return false;
    if ((h.type ?? 'Exact') === 'Exact' ? got !== h.value : !fullMatch(h.value ?? '', got)) return false;
  }
  // The sample requests carry no query string.
  return !m.queryParams?.length;
}

/** Precedence of a match: Exact before a prefix, the longer path, a method, more headers, more query parameters. */
function rank(m: RouteMatch): number[] {
  const type = m.path?.type ?? 'PathPrefix';
  return [type === 'Exact' ? 2 : type === 'PathPrefix' ? 1 : 0, (m.path?.value ?? '/').length, m.method ? 1 : 0, m.headers?.length ?? 0, m.queryParams?.length ?? 0];
}

/** Is rank a above rank b? */
function above(a: number[], b: number[]): boolean {
  const k = a.findIndex((x, i) => x !== b[i]);
  return k >= 0 && a[k] > b[k];
}

/** The rule that wins a request by the Gateway API's precedence (on a tie, the first rule), or undefined when none matches. */
function winner(rules: Rule[], req: Request): { rule: Rule; i: number; m: RouteMatch } | undefined {
  let best: { rule: Rule; i: number; m: RouteMatch } | undefined;
  rules.forEach((rule, i) => {
    for (const m of rule.matches!) if (selects(m, req) && (!best || above(rank(m), rank(best.m)))) best = { rule, i, m };
  });
  return best;
}

const describeRequest = (q: Request) => `${q.method} ${q.path}${Object.entries(q.headers).map(([k, v]) => ` (${k}: ${v})`).join('')}`;

/** Requests of testers: every path but /old, either spelling of the header name, two methods. */
const CANARY: Request[] = [
  { method: 'GET', path: '/', headers: { [HEADER]: 'true' } },
  { method: 'GET', path: '/about', headers: { [HEADER]: 'true' } },
  { method: 'POST', path: '/api/items', headers: { [HEADER]: 'true' } },
];
/** Everyone else: no header, or x-canary with another value; every path but /old. */
const OTHERS: Request[] = [
  { method: 'GET', path: '/', headers: {} },
  { method: 'GET', path: '/about', headers: {} },
  { method: 'POST', path: '/api/items', headers: {} },
  { method: 'GET', path: '/oldies', headers: {} },
  { method: 'GET', path: '/', headers: { [HEADER]: 'false' } },
];
/** The old path, with and without the header. */
const OLD: Request[] = [
  { method: 'GET', path: '/old', headers: {} },
  { method: 'GET', path: '/old', headers: { [HEADER]: 'true' } },
];

// Matches and backends are written in the notation of the YAML, so they read the same in every language.
function describeMatch(m: RouteMatch): string {
  const parts: string[] = [];
  parts.push(`path: ${m.path?.type ?? 'PathPrefix'} ${m.path?.value ?? '/'}`);
  const headers = (m.headers ?? []).map((h) => `${h.name}${(h.type ?? 'Exact') === 'Exact' ? '=' : ` ${h.type} `}${h.value}`);
  if (headers.length) parts.push(`headers: ${headers.join(', ')}`);
  const query = (m.queryParams ?? []).map((h) => `${h.name}${(h.type ?? 'Exact') === 'Exact' ? '=' : ` ${h.type} `}${h.value}`);
  if (query.length) parts.push(`queryParams: ${query.join(', ')}`);
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

/** The backends that get traffic (weight above 0). */
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

/** What a rule does with a request: redirects it, or forwards it to its backends. */
function describeRule(hit: { rule: Rule; i: number; m: RouteMatch } | undefined): unknown {
  if (!hit) return phrase('nothing');
  const redirect = hit.rule.filters?.some((f) => f.type === 'RequestRedirect');
  return `rules[${hit.i}] ${describeMatch(hit.m)} → ${redirect ? 'RequestRedirect' : String(describeBackends(hit.rule.backendRefs))}`;
}

/** A backendRef to one of the lab's Services, in the lab's namespace, on a port that Service has. */
function validRef(b: BackendRef, ns: string, ports: Map<string, number[]>): boolean {
  return (b.group ?? '') === '' && (b.kind ?? 'Service') === 'Service' && (b.namespace ?? ns) === ns && !!b.name && (ports.get(b.name) ?? []).includes(b.port ?? -1);
}

const portsText = (ports: Map<string, number[]>, name: string) => `${name}:${(ports.get(name) ?? []).join('|') || '?'}`;

/** A rule that forwards (no redirect, no mirror), to what it forwards. */
const forwards = (r: Rule) => !r.filters?.some((f) => f.type === 'RequestRedirect' || f.type === 'RequestMirror');

/** The weights of a rule as a ratio app-v1:app-v2, and whether only those two get traffic. */
function split(r: Rule) {
  const live = effective(r.backendRefs);
  const weight = (name: string) => live.filter((b) => b.name === name).reduce((s, b) => s + b.weight, 0);
  const [v1, v2] = [weight('app-v1'), weight('app-v2')];
  const total = live.reduce((s, b) => s + b.weight, 0);
  return { live, v1, v2, total, ratioOk: v2 > 0 && v1 === 9 * v2 && v1 + v2 === total };
}

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

type ParentRef = { group?: string; kind?: string; name?: string; namespace?: string; sectionName?: string; port?: number };
const namesWebGw = (p: ParentRef, ns: string) => (p.group ?? GROUP) === GROUP && (p.kind ?? 'Gateway') === 'Gateway' && p.name === GATEWAY && (p.namespace ?? ns) === ns;

export default defineChecks({
  // name, class, one-listener, http-80, any-host, same-namespace. The listener graded is the one on
  // port 80 (else the first): an extra listener is one-listener's, not the other clauses'.
  gateway: async ({ get, find, namespace: ns }) => {
    const gw = await get(GW, 'Gateway', GATEWAY);
    if (!gw) return [];
    const listeners: Listener[] = gw.spec?.listeners ?? [];
    const i = Math.max(0, listeners.findIndex((l) => l.port === 80));
    const l = listeners[i] ?? {};
    const at = `spec.listeners[${i}]`;
    // allowedRoutes defaults to namespaces.from Same. A Selector counts when it selects lab-26 and
    // would select no other namespace, even one carrying every label lab-26 has (only its name differs).
    const from = l.allowedRoutes?.namespaces?.from ?? 'Same';
    const nsObj = await find('v1', 'Namespace', ns);
    const labels: Record<string, string> = { ...(nsObj?.metadata.labels ?? {}), [NAME_LABEL]: ns };
    const selector = l.allowedRoutes?.namespaces?.selector;
    const onlyHere = from === 'Same' || (from === 'Selector' && matchesSelector(selector, labels) && !matchesSelector(selector, { ...labels, [NAME_LABEL]: `${ns}-other` }));
    const kinds = l.allowedRoutes?.kinds ?? [];
    const httpRoutes = !kinds.length || kinds.some((k) => (k.group ?? GROUP) === GROUP && k.kind === 'HTTPRoute');
    const fromText = from === 'Selector' ? `Selector ${JSON.stringify(selector ?? {})}` : from;
    return [
      match(gw, { spec: { gatewayClassName: CLASS } }),
      observe(gw, 'spec.listeners', 1, listeners.length),
      observe(gw, `${at}.protocol, port, tls`, 'HTTP 80, no tls', `${l.protocol ?? '-'} ${l.port ?? '-'}${l.tls ? ', tls' : ', no tls'}`, { ok: l.protocol === 'HTTP' && l.port === 80 && !l.tls }),
      observe(gw, `${at}.hostname`, phrase('absent'), l.hostname ?? phrase('absent'), { ok: !l.hostname }),
      observe(gw, `${at}.allowedRoutes`, `namespaces.from Same (HTTPRoute)`, `namespaces.from ${fromText}${kinds.length ? `, kinds ${kinds.map((k) => k.kind).join(', ')}` : ''}`, { ok: onlyHere && httpRoutes }),
    ];
  },

  // programmed (needs the implementation: it writes the Gateway's conditions once its data plane runs).
  'gateway-programmed': async ({ get }) => {
    const gw = await get(GW, 'Gateway', GATEWAY);
    return [...condition(gw, 'Accepted'), ...condition(gw, 'Programmed')];
  },

  // name, parent, any-host, only-route.
  'route-attached': async ({ get, find, list, namespace: ns }) => {
    const route = await get(GW, 'HTTPRoute', ROUTE);
    if (!route) return [];
    const gw = await find(GW, 'Gateway', GATEWAY);
    const listeners: Listener[] = gw?.spec?.listeners ?? [];
    const refs: ParentRef[] = route.spec?.parentRefs ?? [];
    const describe = (p: ParentRef) =>
      `${(p.kind ?? 'Gateway') === 'Gateway' ? 'Gateway' : p.kind} ${p.namespace ?? ns}/${p.name}${p.sectionName ? ` (sectionName: ${p.sectionName})` : ''}${p.port ? ` (port: ${p.port})` : ''}`;
    // A sectionName or a port must be those of one of web-gw's listeners, or nothing attaches.
    const fits = (p: ParentRef) => listeners.some((l) => (!p.sectionName || l.name === p.sectionName) && (!p.port || l.port === p.port));
    const parentOk = refs.length > 0 && refs.every((p) => namesWebGw(p, ns) && fits(p));
    const hostnames: string[] = route.spec?.hostnames ?? [];
    const others = (await list(GW, 'HTTPRoute')).filter((r) => r.metadata.name !== ROUTE && (r.spec?.parentRefs ?? []).some((p: ParentRef) => namesWebGw(p, ns)));
    return [
      observe(route, 'spec.parentRefs', `Gateway ${ns}/${GATEWAY}`, refs.length ? refs.map(describe).join(', ') : phrase('nothing'), { ok: parentOk }),
      observe(route, 'spec.hostnames', phrase('absent'), hostnames.length ? hostnames.join(', ') : phrase('absent'), { ok: !hostnames.length }),
      observe(route, `HTTPRoutes attached to ${GATEWAY}`, ROUTE, [ROUTE, ...others.map((r) => r.metadata.name)].join(', '), { ok: !others.length }),
    ];
  },

  // header, any-path, v2-only: testers' requests on every path but /old reach a rule that selects
  // them by the header alone, and it sends them to app-v2 only.
  'canary-header': async (ctx) => {
    const route = await ctx.get(GW, 'HTTPRoute', ROUTE);
    if (!route) return [];
    const rules = rulesOf(route);
    const ports = await servicePorts(ctx);
    // A match that needs exactly x-canary: true (a regular expression that admits true and nothing like it counts too).
    const header = (h: ValueMatch) =>
      h.name?.toLowerCase() === HEADER && ((h.type ?? 'Exact') === 'Exact' ? h.value === 'true' : ['true'].every((v) => fullMatch(h.value ?? '', v)) && !['false', 'TRUE', 'truex', '1', ''].some((v) => fullMatch(h.value ?? '', v)));
    const canaryMatch = (m: RouteMatch) => m.headers?.length === 1 && header(m.headers[0]) && !m.queryParams?.length;
    const i = rules.findIndex((r) => r.matches!.some(canaryMatch));
    if (i < 0) return observe(route, 'spec.rules[*].matches', `{headers: ${HEADER}=true}`, describeMatches(rules), { ok: false });
    const rule = rules[i];
    const live = effective(rule.backendRefs);
    const v2Only = forwards(rule) && live.length > 0 && live.every((b) => b.name === 'app-v2' && validRef(b, ctx.namespace, ports));
    return [
      ...CANARY.flatMap((q) => {
        const hit = winner(rules, q);
        return observe(route, `spec.rules → ${describeRequest(q)}`, `rules[${i}]`, describeRule(hit), { ok: hit?.i === i });
      }),
      ...observe(route, `spec.rules[${i}].backendRefs`, portsText(ports, 'app-v2'), describeBackends(rule.backendRefs), { ok: v2Only }),
    ];
  },

  // weights, all-others, backends: every other request (any path but /old, any method, x-canary
  // absent or not true) reaches the split rule, whose backends are app-v1 and app-v2 at 9:1.
  'canary-split': async (ctx) => {
    const route = await ctx.get(GW, 'HTTPRoute', ROUTE);
    if (!route) return [];
    const rules = rulesOf(route);
    const ports = await servicePorts(ctx);
    const hits = OTHERS.map((q) => ({ q, hit: winner(rules, q) }));
    // The split rule: a forwarding rule that names both versions, the one most requests reach; else the rule GET / reaches.
    const both = rules.map((r, i) => ({ r, i })).filter(({ r }) => forwards(r) && ['app-v1', 'app-v2'].every((n) => (r.backendRefs ?? []).some((b) => b.name === n)));
    const reached = (i: number) => hits.filter((h) => h.hit?.i === i).length;
    const target = both.length ? both.reduce((a, b) => (reached(b.i) > reached(a.i) ? b : a)) : hits[0].hit && forwards(hits[0].hit.rule) ? { r: hits[0].hit.rule, i: hits[0].hit.i } : undefined;
    if (!target) return observe(route, `spec.rules → ${describeRequest(OTHERS[0])}`, 'app-v1, app-v2', describeRule(hits[0].hit), { ok: false });
    const s = split(target.r);
    const same = (r: Rule) => {
      const o = split(r);
      return forwards(r) && o.ratioOk === s.ratioOk && o.v1 * s.v2 === o.v2 * s.v1 && o.live.length === s.live.length;
    };
    const refsOk = s.live.length > 0 && s.live.every((b) => (b.name === 'app-v1' || b.name === 'app-v2') && validRef(b, ctx.namespace, ports));
    const pct = (w: number) => (s.total ? `${Math.round((w / s.total) * 1000) / 10}%` : '0%');
    return [
      ...hits.flatMap(({ q, hit }) => observe(route, `spec.rules → ${describeRequest(q)}`, `rules[${target.i}]`, describeRule(hit), { ok: !!hit && (hit.i === target.i || same(hit.rule)) })),
      ...observe(route, `spec.rules[${target.i}].backendRefs`, `${portsText(ports, 'app-v1')}, ${portsText(ports, 'app-v2')}`, describeBackends(target.r.backendRefs), { ok: refsOk }),
      ...observe(route, `spec.rules[${target.i}].backendRefs[*].weight`, 'app-v1:app-v2 = 9:1 (90% / 10%)', `app-v1:app-v2 = ${s.v1}:${s.v2} (${pct(s.v1)} / ${pct(s.v2)})`, { ok: s.ratioOk }),
    ];
  },

  // path, permanent, to-root, by-gateway: requests for /old (testers' too) reach a rule for that
  // path, and it redirects them itself: 301 to /, nothing else changed, nothing forwarded.
  redirect: async ({ get }) => {
    const route = await get(GW, 'HTTPRoute', ROUTE);
    if (!route) return [];
    const rules = rulesOf(route);
    const old = (m: RouteMatch) => ((m.path?.type ?? 'PathPrefix') === 'Exact' && m.path?.value === '/old') || ((m.path?.type ?? 'PathPrefix') === 'PathPrefix' && (m.path?.value ?? '/').replace(/\/+$/, '') === '/old');
    const hits = OLD.map((q) => ({ q, hit: winner(rules, q) }));
    const at = hits.find((h) => h.hit && old(h.hit.m))?.hit;
    const reach = hits.flatMap(({ q, hit }) => observe(route, `spec.rules → ${describeRequest(q)}`, '{path: Exact /old}', describeRule(hit), { ok: !!hit && old(hit.m) && (!at || hit.i === at.i) }));
    if (!at) return reach;
    const i = at.i;
    const filters = at.rule.filters ?? [];
    const f = filters.find((x) => x.type === 'RequestRedirect');
    const byGateway = !!f && !at.rule.backendRefs?.length && !filters.some((x) => x.type === 'URLRewrite');
    const doing = [...filters.map((x) => x.type), ...(at.rule.backendRefs?.length ? [`backendRefs ${describeBackends(at.rule.backendRefs)}`] : [])].join(', ');
    const gateway = observe(route, `spec.rules[${i}].filters`, 'RequestRedirect', doing || phrase('nothing'), { ok: byGateway });
    if (!f) return [...reach, ...gateway];
    const r = f.requestRedirect ?? {};
    const p = r.path;
    const path = !p ? '' : p.type === 'ReplaceFullPath' ? `ReplaceFullPath ${p.replaceFullPath}` : `ReplacePrefixMatch ${p.replacePrefixMatch}`;
    const target = [r.scheme && `scheme ${r.scheme}`, r.hostname && `hostname ${r.hostname}`, r.port && `port ${r.port}`, path].filter(Boolean).join(', ');
    const pathOk = !r.scheme && !r.hostname && !r.port && !!p && (p.type === 'ReplaceFullPath' ? p.replaceFullPath === '/' : p.replacePrefixMatch === '/');
    return [
      ...reach,
      ...gateway,
      // The CRD defaults a missing statusCode to 302, a temporary redirect.
      ...observe(route, `spec.rules[${i}].filters[RequestRedirect].requestRedirect.statusCode`, 301, r.statusCode ?? 302),
      ...observe(route, `spec.rules[${i}].filters[RequestRedirect].requestRedirect`, 'path: ReplaceFullPath /', target || phrase('nothing'), { ok: pathOk }),
    ];
  },

  // answers (needs the implementation: it writes the route's status per parent, and serves).
  'route-accepted': async ({ get, namespace: ns }) => {
    const route = await get(GW, 'HTTPRoute', ROUTE);
    if (!route) return [];
    const parent = parentStatus(route, ns);
    if (!parent) return observe(route, `status.parents[${GATEWAY}]`, phrase('exists'), phrase('nothing'), { ok: false, settling: true });
    return [...routeCondition(route, parent, 'Accepted'), ...routeCondition(route, parent, 'ResolvedRefs')];
  },
});
