// "Can Pod A reach Pod B on port P?" decided from NetworkPolicy objects alone, as the API
// defines it (https://kubernetes.io/docs/concepts/services-networking/network-policies/):
// - a Pod is isolated for ingress (egress) when some policy in its namespace selects it and has
//   Ingress (Egress) among its policyTypes; a Pod that no such policy selects allows everything;
// - policyTypes, when absent, is implied: Ingress always, Egress when the policy has egress rules;
// - connections need both sides: egress allowed from A and ingress allowed to B;
// - rules are ORed; inside one peer, podSelector AND namespaceSelector; separate peers are ORed;
// - an empty selector ({}) selects everything; a missing podSelector in a peer with a
//   namespaceSelector means all Pods of those namespaces; a missing namespaceSelector means the
//   policy's own namespace;
// - no `from`/`to` means every peer, no `ports` means every port; a named port is looked up on the
//   destination Pod's containers;
// - Namespaces always carry kubernetes.io/metadata.name (the API server sets it), so it is added
//   here when a fixture lacks it.
// Enforcement needs a policy-capable CNI; this evaluator answers what the policies say.
import type { KObject } from '../cluster/types.ts';

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

export interface ReachQuestion {
  from: KObject;
  to: KObject;
  port: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  /** NetworkPolicies of every namespace involved (all namespaces is simplest). */
  policies: KObject[];
  /** Namespace objects, for namespaceSelector; missing ones get only the metadata.name label. */
  namespaces: KObject[];
}

export interface DirectionAnswer {
  allowed: boolean;
  /** The Pod is selected by a policy of this direction. */
  isolated: boolean;
  /** namespace/name of the policies that select the Pod for this direction. */
  policies: string[];
  /** namespace/name of the first policy whose rule allows the connection. */
  allowedBy?: string;
}

export interface ReachAnswer {
  allowed: boolean;
  egress: DirectionAnswer;
  ingress: DirectionAnswer;
}

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function matchesSelector(selector: LabelSelector | undefined | null, labels: Record<string, string>): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const values = e.values ?? [];
    if (e.operator === 'In' && !(has && values.includes(labels[e.key]))) return false;
    if (e.operator === 'NotIn' && has && values.includes(labels[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

export function policyTypes(policy: KObject): ('Ingress' | 'Egress')[] {
  const given = policy.spec?.policyTypes;
  if (Array.isArray(given) && given.length > 0) return given;
  return Array.isArray(policy.spec?.egress) && policy.spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

export function canReach(q: ReachQuestion): ReachAnswer {
  const protocol = q.protocol ?? 'TCP';
  const nsLabels = namespaceLabeller(q.namespaces);
  const egress = direction('Egress', q.from, q.to, q, protocol, nsLabels);
  const ingress = direction('Ingress', q.to, q.from, q, protocol, nsLabels);
  return { allowed: egress.allowed && ingress.allowed, egress, ingress };
}

/** `pod` is the Pod the policies select; `peer` the other end. */
function direction(
  type: 'Ingress' | 'Egress',
  pod: KObject,
  peer: KObject,
  q: ReachQuestion,
  protocol: string,
  nsLabels: (ns: string) => Record<string, string>,
): DirectionAnswer {
  const namespace = pod.metadata.namespace ?? 'default';
  const selecting = q.policies.filter(
    (p) => (p.metadata.namespace ?? 'default') === namespace && policyTypes(p).includes(type) && matchesSelector(p.spec?.podSelector ?? {}, pod.metadata.labels ?? {}),
  );
  const names = selecting.map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`);
  if (selecting.length === 0) return { allowed: true, isolated: false, policies: [] };
  const destination = type === 'Ingress' ? pod : peer;
  for (const [i, policy] of selecting.entries()) {
    const rules: { from?: Peer[]; to?: Peer[]; ports?: PolicyPort[] }[] = (type === 'Ingress' ? policy.spec?.ingress : policy.spec?.egress) ?? [];
    for (const rule of rules) {
      const peers = type === 'Ingress' ? rule.from : rule.to;
      const peerOk = !peers || peers.length === 0 || peers.some((pr) => peerMatches(pr, peer, policy.metadata.namespace ?? 'default', nsLabels));
      const portOk = !rule.ports || rule.ports.length === 0 || rule.ports.some((pp) => portMatches(pp, q.port, protocol, destination));
      if (peerOk && portOk) return { allowed: true, isolated: true, policies: names, allowedBy: names[i] };
    }
  }
  return { allowed: false, isolated: true, policies: names };
}

interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

interface PolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

function peerMatches(peer: Peer, pod: KObject, policyNamespace: string, nsLabels: (ns: string) => Record<string, string>): boolean {
  if (peer.ipBlock) {
    const ip = pod.status?.podIP;
    if (typeof ip !== 'string') return false;
    return inCidr(ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c) => inCidr(ip, c));
  }
  const podNamespace = pod.metadata.namespace ?? 'default';
  const namespaceOk = peer.namespaceSelector ? matchesSelector(peer.namespaceSelector, nsLabels(podNamespace)) : podNamespace === policyNamespace;
  const podOk = peer.podSelector ? matchesSelector(peer.podSelector, pod.metadata.labels ?? {}) : true;
  // A peer with neither selector is invalid in the API; treat it as matching nothing.
  if (!peer.namespaceSelector && !peer.podSelector) return false;
  return namespaceOk && podOk;
}

function portMatches(pp: PolicyPort, port: number, protocol: string, destination: KObject): boolean {
  if ((pp.protocol ?? 'TCP') !== protocol) return false;
  if (pp.port === undefined || pp.port === null) return true;
  if (typeof pp.port === 'number') return pp.endPort ? port >= pp.port && port <= pp.endPort : port === pp.port;
  if (/^\d+$/.test(pp.port)) return Number(pp.port) === port;
  // A named port means the port of that name on the destination Pod.
  const containers: { ports?: { name?: string; containerPort: number; protocol?: string }[] }[] = [
    ...(destination.spec?.containers ?? []),
    ...(destination.spec?.initContainers ?? []),
  ];
  return containers.some((c) => (c.ports ?? []).some((cp) => cp.name === pp.port && cp.containerPort === port && (cp.protocol ?? 'TCP') === protocol));
}

function namespaceLabeller(namespaces: KObject[]): (ns: string) => Record<string, string> {
  const byName = new Map(namespaces.map((n) => [n.metadata.name, n.metadata.labels ?? {}]));
  return (ns) => ({ ...byName.get(ns), [NAMESPACE_NAME_LABEL]: ns });
}

// --- CIDR -------------------------------------------------------------------------------------

function parseIp(ip: string): { value: bigint; bits: number } | undefined {
  if (ip.includes(':')) {
    const [head, tail] = ip.split('::');
    const h = head ? head.split(':') : [];
    const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
    if (tail === undefined && h.length !== 8) return undefined;
    const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
    if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
    return { value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n), bits: 128 };
  }
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return { value: parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n), bits: 32 };
}

export function inCidr(ip: string, cidr: string): boolean {
  const [base, lengthText] = cidr.split('/');
  const a = parseIp(ip);
  const b = parseIp(base);
  if (!a || !b || a.bits !== b.bits) return false;
  const length = lengthText === undefined ? b.bits : Number(lengthText);
  const shift = BigInt(b.bits - length);
  return a.value >> shift === b.value >> shift;
}
