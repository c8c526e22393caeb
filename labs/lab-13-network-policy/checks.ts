// Checks for lab-13. Every task is graded from the NetworkPolicy objects with the checker's
// evaluator, as an allow/deny matrix: the same answers on kind (where kindnet also enforces the
// policies) and on the simulated cluster (where nothing does). The tiers are represented by their
// Deployments' Pod templates (labels and container ports, which is all a policy looks at); the DNS
// Pods, another kube-system Pod, a Pod of another namespace, a Pod created later and an address
// outside the cluster are stand-ins, so the answers do not depend on what happens to run.
import { BlockList } from 'node:net';
import { canReach, defineChecks, matchesSelector, phrase, type CheckContext, type KObject, type Observation } from '../../checker/index.ts';

const NS = 'lab-13';
const NETPOL = 'networking.k8s.io/v1';
const OUTSIDE = { ip: '203.0.113.10', port: 443 };

type Protocol = 'TCP' | 'UDP';
interface End {
  pod: KObject;
  /** How the end is named in messages. */
  label: string;
}

const standIn = (name: string, namespace: string, labels: Record<string, string>, label: string): End => ({
  pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels } },
  label,
});

const DNS = standIn('coredns', 'kube-system', { 'k8s-app': 'kube-dns' }, 'kube-dns Pods (kube-system)');
const METRICS = standIn('metrics-server', 'kube-system', { 'k8s-app': 'metrics-server' }, 'metrics-server Pod (kube-system)');
const NEWCOMER = standIn('newcomer', NS, { app: 'newcomer' }, 'a new Pod in lab-13 (app=newcomer)');
const STRANGER = standIn('client', 'default', { app: 'client' }, 'a Pod in namespace default');

/** The Pods of a tier, as its Deployment's template describes them. */
async function tier(ctx: CheckContext, name: string): Promise<End | undefined> {
  const d = await ctx.get('apps/v1', 'Deployment', name);
  if (!d) return undefined;
  const template = d.spec?.template ?? {};
  return { pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: NS, labels: template.metadata?.labels ?? {} }, spec: template.spec ?? {} }, label: `${name} Pods` };
}

async function tiers(ctx: CheckContext): Promise<{ fe?: End; be?: End; db?: End }> {
  const [fe, be, db] = await Promise.all([tier(ctx, 'frontend'), tier(ctx, 'backend'), tier(ctx, 'database')]);
  return { fe, be, db };
}

/** One cell of the matrix, worded with the ends' own names. */
async function cell(ctx: CheckContext, from: End | undefined, to: End | undefined, port: number, expect: boolean, protocol: Protocol = 'TCP'): Promise<Observation[]> {
  if (!from || !to) return [];
  const obs = await ctx.reach(from.pod, to.pod, port, { protocol, expect });
  // A connection that should be blocked but is not: name what lets it through on each side.
  let found: string | undefined;
  if (!expect && obs.some((o) => !o.ok)) {
    const [policies, namespaces] = await Promise.all([ctx.list(NETPOL, 'NetworkPolicy', { allNamespaces: true }), ctx.list('v1', 'Namespace')]);
    const a = canReach({ from: from.pod, to: to.pod, port, protocol, policies, namespaces });
    const side = (d: { isolated: boolean; allowedBy?: string }) => (d.isolated ? `allowed by ${d.allowedBy}` : 'not isolated by any policy');
    found = `allowed (egress: ${side(a.egress)}; ingress: ${side(a.ingress)})`;
  }
  return obs.map((o) => ({
    ...o,
    subject: { label: `${from.label} → ${to.label}, ${protocol} ${port}` },
    path: '',
    ...(found && !o.ok ? { found } : {}),
    kubectl: `kubectl describe networkpolicy -n ${NS}`,
  }));
}

/** Which directions the policies isolate a Pod for: a policy of its namespace selects it with that type. */
function isolation(pod: KObject, policies: KObject[], namespaces: KObject[]): { ingress: boolean; egress: boolean } {
  const answer = canReach({ from: pod, to: pod, port: 1, policies, namespaces });
  return { ingress: answer.ingress.isolated, egress: answer.egress.isolated };
}

/** Egress from a Pod to an address outside the cluster: only ipBlock peers (or no `to` at all) can allow it. */
function egressOutside(pod: KObject, policies: KObject[]): { allowed: boolean; policies: string[]; allowedBy?: string } {
  const types = (p: KObject): string[] =>
    Array.isArray(p.spec?.policyTypes) && p.spec.policyTypes.length ? p.spec.policyTypes : Array.isArray(p.spec?.egress) && p.spec.egress.length ? ['Ingress', 'Egress'] : ['Ingress'];
  const selecting = policies.filter((p) => p.metadata.namespace === pod.metadata.namespace && types(p).includes('Egress') && matchesSelector(p.spec?.podSelector ?? {}, pod.metadata.labels ?? {}));
  const names = selecting.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
  if (!selecting.length) return { allowed: true, policies: names };
  const inBlock = (block: { cidr?: string; except?: string[] }) => {
    const contains = (cidr: string) => {
      const [base, bits] = cidr.split('/');
      if (base.includes(':')) return false;
      const list = new BlockList();
      list.addSubnet(base, bits === undefined ? 32 : Number(bits), 'ipv4');
      return list.check(OUTSIDE.ip, 'ipv4');
    };
    return typeof block.cidr === 'string' && contains(block.cidr) && !(block.except ?? []).some(contains);
  };
  type Rule = { to?: { ipBlock?: { cidr?: string; except?: string[] } }[]; ports?: { protocol?: string; port?: number | string; endPort?: number }[] };
  const by = selecting.find((p) =>
    ((p.spec?.egress ?? []) as Rule[]).some(
      (rule) =>
        (!rule.to?.length || rule.to.some((peer) => peer.ipBlock && inBlock(peer.ipBlock))) &&
        (!rule.ports?.length ||
          rule.ports.some((pp) => (pp.protocol ?? 'TCP') === 'TCP' && (pp.port === undefined || Number(pp.port) === OUTSIDE.port || (typeof pp.port === 'number' && pp.endPort !== undefined && OUTSIDE.port >= pp.port && OUTSIDE.port <= pp.endPort)))),
    ),
  );
  return { allowed: by !== undefined, policies: names, allowedBy: by && `${by.metadata.namespace}/${by.metadata.name}` };
}

export default defineChecks({
  'default-deny': async (ctx) => {
    const { fe, be, db } = await tiers(ctx);
    const [policies, namespaces] = await Promise.all([ctx.list(NETPOL, 'NetworkPolicy', { allNamespaces: true }), ctx.list('v1', 'Namespace')]);
    return [fe, be, db, NEWCOMER].flatMap((end) => {
      if (!end) return [];
      const iso = isolation(end.pod, policies, namespaces);
      const found = iso.ingress && iso.egress ? 'Ingress and Egress' : iso.ingress ? 'Ingress only: no policy selects them for Egress' : iso.egress ? 'Egress only: no policy selects them for Ingress' : 'neither: no policy selects them';
      return [{ subject: { label: end.label }, path: 'isolated for', expected: 'Ingress and Egress', found, ok: iso.ingress && iso.egress, kubectl: `kubectl describe networkpolicy -n ${NS}` }];
    });
  },

  'frontend-to-backend': async (ctx) => {
    const { fe, be } = await tiers(ctx);
    return Promise.all([cell(ctx, fe, be, 8080, true), cell(ctx, STRANGER, be, 8080, false), cell(ctx, NEWCOMER, be, 8080, false)]);
  },

  'backend-to-database': async (ctx) => {
    const { fe, be, db } = await tiers(ctx);
    return Promise.all([cell(ctx, be, db, 5432, true), cell(ctx, fe, db, 5432, false), cell(ctx, STRANGER, db, 5432, false)]);
  },

  'dns-egress': async (ctx) => {
    const { fe, be, db } = await tiers(ctx);
    const everyone = [fe, be, db, NEWCOMER];
    return Promise.all([
      ...everyone.flatMap((end) => [cell(ctx, end, DNS, 53, true, 'UDP'), cell(ctx, end, DNS, 53, true, 'TCP')]),
      cell(ctx, be, METRICS, 53, false, 'UDP'),
      cell(ctx, be, METRICS, 443, false),
    ]);
  },

  'nothing-else': async (ctx) => {
    const { fe, be, db } = await tiers(ctx);
    const policies = await ctx.list(NETPOL, 'NetworkPolicy', { allNamespaces: true });
    const outside: Observation[] = [fe, be, db].flatMap((end) => {
      if (!end) return [];
      const answer = egressOutside(end.pod, policies);
      return [
        {
          subject: { label: `${end.label} → ${OUTSIDE.ip} (outside the cluster), TCP ${OUTSIDE.port}` },
          path: '',
          expected: phrase('blocked', { by: 'NetworkPolicy' }),
          found: answer.allowed ? (answer.allowedBy ? `allowed (egress: allowed by ${answer.allowedBy})` : `allowed (egress: not isolated by any policy)`) : phrase('blockedNoRule', { direction: 'egress', policies: answer.policies.join(', ') }),
          ok: !answer.allowed,
          kubectl: `kubectl describe networkpolicy -n ${NS}`,
        },
      ];
    });
    const cells = await Promise.all([
      cell(ctx, db, be, 8080, false),
      cell(ctx, be, fe, 80, false),
      cell(ctx, db, fe, 80, false),
      cell(ctx, fe, db, 5432, false),
      cell(ctx, fe, be, 22, false),
      cell(ctx, be, db, 22, false),
      cell(ctx, fe, be, 8080, false, 'UDP'),
    ]);
    return [cells, outside];
  },
});
