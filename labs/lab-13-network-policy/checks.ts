// Checks for lab-13. Every task is graded from the NetworkPolicy objects with the checker's
// evaluator, as an allow/deny matrix: the same answers on kind (where kindnet also enforces the
// policies) and on the simulated cluster (where nothing does). The tiers are represented by their
// Deployments' Pod templates (labels and container ports, which is all a policy looks at); the DNS
// Pods, another kube-system Pod, Pods of another namespace (labelled like the tiers, so a selector
// that forgets the namespace lets them in), a Pod created later and an address outside the cluster
// are stand-ins, so the answers do not depend on what happens to run. The clauses of each task
// (lab.yaml) are named above its check.
import { BlockList } from 'node:net';
import { canReach, defineChecks, matchesSelector, phrase, type CheckContext, type KObject, type Observation } from '../../checker/index.ts';

const NS = 'lab-13';
const NETPOL = 'networking.k8s.io/v1';
const OUTSIDE = { ip: '203.0.113.10' };

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

// The DNS Pods carry CoreDNS's named ports, so a policy may name them (dns, dns-tcp) instead of 53.
const DNS: End = {
  ...standIn('coredns', 'kube-system', { 'k8s-app': 'kube-dns' }, 'kube-dns Pods (kube-system)'),
};
DNS.pod.spec = {
  containers: [
    {
      name: 'coredns',
      ports: [
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
      ],
    },
  ],
};
const METRICS = standIn('metrics-server', 'kube-system', { 'k8s-app': 'metrics-server' }, 'metrics-server Pod (kube-system)');
const NEWCOMER = standIn('newcomer', NS, { app: 'newcomer' }, 'a new Pod in lab-13 (app=newcomer)');
const STRANGER_FE = standIn('client', 'default', { app: 'client', tier: 'frontend' }, 'a Pod in namespace default (tier=frontend)');
const STRANGER_BE = standIn('client', 'default', { app: 'client', tier: 'backend' }, 'a Pod in namespace default (tier=backend)');
const FAKE_DNS = standIn('resolver', 'default', { 'k8s-app': 'kube-dns' }, 'a k8s-app=kube-dns Pod in namespace default');

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
    const side = (d: { isolated: boolean; allowedBy?: string }) => (d.isolated ? (d.allowedBy ?? '-') : '-');
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

/**
 * Egress from a Pod to an address outside the cluster, on any port and protocol: only a rule with
 * no `to` at all or an ipBlock that holds the address can allow it (ports do not matter: a rule
 * that opens one port to the world opens the world).
 */
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
  type Rule = { to?: { ipBlock?: { cidr?: string; except?: string[] } }[] };
  const by = selecting.find((p) => ((p.spec?.egress ?? []) as Rule[]).some((rule) => !rule.to?.length || rule.to.some((peer) => peer.ipBlock && inBlock(peer.ipBlock))));
  return { allowed: by !== undefined, policies: names, allowedBy: by && `${by.metadata.namespace}/${by.metadata.name}` };
}

export default defineChecks({
  // every-pod (the tiers and a Pod created later), ingress, egress: isolation as the policies decide
  // it together (a policy with egress rules isolates for Egress too, whatever the deny policy says).
  'default-deny': async (ctx) => {
    const { fe, be, db } = await tiers(ctx);
    const [policies, namespaces] = await Promise.all([ctx.list(NETPOL, 'NetworkPolicy', { allNamespaces: true }), ctx.list('v1', 'Namespace')]);
    return [fe, be, db, NEWCOMER].flatMap((end) => {
      if (!end) return [];
      const iso = isolation(end.pod, policies, namespaces);
      const found = [iso.ingress ? 'Ingress' : '', iso.egress ? 'Egress' : ''].filter(Boolean).join(', ');
      return [{ subject: { label: end.label }, path: 'isolated for (policyTypes of the policies that select them)', expected: 'Ingress, Egress', found: found || phrase('nothing'), ok: iso.ingress && iso.egress, kubectl: `kubectl describe networkpolicy -n ${NS}` }];
    });
  },

  // backend-port and both-ends (frontend → backend on TCP 8080), only-frontend (database, a new Pod),
  // no-other-namespace (a tier=frontend Pod of another namespace).
  'frontend-to-backend': async (ctx) => {
    const { fe, be, db } = await tiers(ctx);
    return Promise.all([cell(ctx, fe, be, 8080, true), cell(ctx, db, be, 8080, false), cell(ctx, NEWCOMER, be, 8080, false), cell(ctx, STRANGER_FE, be, 8080, false)]);
  },

  // tcp-5432 and both-ends (backend → database on TCP 5432), only-backend (frontend, a new Pod),
  // no-other-namespace (a tier=backend Pod of another namespace).
  'backend-to-database': async (ctx) => {
    const { fe, be, db } = await tiers(ctx);
    return Promise.all([cell(ctx, be, db, 5432, true), cell(ctx, fe, db, 5432, false), cell(ctx, NEWCOMER, db, 5432, false), cell(ctx, STRANGER_BE, db, 5432, false)]);
  },

  // every-pod, kube-dns-peer, udp-53, tcp-53: every Pod (a new one too) reaches the kube-dns Pods on
  // UDP and TCP 53; only-port-53: not the DNS Pods' other ports (CoreDNS's metrics, TCP 9153);
  // only-kube-dns: no other kube-system Pod (on 53 or elsewhere), and no Pod that
  // merely carries the label k8s-app=kube-dns in another namespace.
  'dns-egress': async (ctx) => {
    const { fe, be, db } = await tiers(ctx);
    const everyone = [fe, be, db, NEWCOMER];
    return Promise.all([
      ...everyone.flatMap((end) => [cell(ctx, end, DNS, 53, true, 'UDP'), cell(ctx, end, DNS, 53, true, 'TCP'), cell(ctx, end, DNS, 9153, false)]),
      ...[be, NEWCOMER].flatMap((end) => [cell(ctx, end, METRICS, 53, false, 'UDP'), cell(ctx, end, METRICS, 53, false, 'TCP'), cell(ctx, end, METRICS, 443, false), cell(ctx, end, FAKE_DNS, 53, false, 'UDP')]),
    ]);
  },

  // backend-to-frontend (no tier calls frontend), other-ports (of backend and database, TCP and UDP),
  // no-external (no Pod, a new one too, reaches an address outside the cluster on any port).
  // database → backend and frontend → database belong to the allowances' "only" clauses.
  'nothing-else': async (ctx) => {
    const { fe, be, db } = await tiers(ctx);
    const policies = await ctx.list(NETPOL, 'NetworkPolicy', { allNamespaces: true });
    const outside: Observation[] = [fe, be, db, NEWCOMER].flatMap((end) => {
      if (!end) return [];
      const answer = egressOutside(end.pod, policies);
      return [
        {
          subject: { label: `${end.label} → ${OUTSIDE.ip} (outside the cluster), any port` },
          path: '',
          expected: phrase('blocked', { by: 'NetworkPolicy' }),
          found: answer.allowed ? (answer.allowedBy ? `allowed (egress: ${answer.allowedBy})` : `allowed (egress: -)`) : phrase('blockedNoRule', { direction: 'egress', policies: answer.policies.join(', ') }),
          ok: !answer.allowed,
          kubectl: `kubectl describe networkpolicy -n ${NS}`,
        },
      ];
    });
    const cells = await Promise.all([
      cell(ctx, be, fe, 80, false),
      cell(ctx, db, fe, 80, false),
      cell(ctx, fe, be, 80, false),
      cell(ctx, fe, be, 22, false),
      cell(ctx, fe, be, 8080, false, 'UDP'),
      cell(ctx, be, db, 22, false),
      cell(ctx, be, db, 5432, false, 'UDP'),
    ]);
    return [cells, outside];
  },
});
