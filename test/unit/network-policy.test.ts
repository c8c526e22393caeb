// The NetworkPolicy evaluator against a truth table of the rules that trip people up.
import { describe, expect, it } from 'vitest';
import { canReach, matchesSelector } from '../../checker/index.ts';
import { inCidr, policyTypes } from '../../checker/checks/network-policy.ts';
import type { KObject } from '../../checker/cluster/types.ts';

const ns = (name: string, labels: Record<string, string> = {}): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
// Namespace objects from a fixture without kubernetes.io/metadata.name: the evaluator adds it, as the API server does.
const namespaces = [ns('shop', { team: 'shop' }), ns('ops', { team: 'ops' }), ns('default')];

const pod = (name: string, namespace: string, labels: Record<string, string>, ip: string, ports: { name?: string; containerPort: number; protocol?: string }[] = []): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: { containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10', ports }] },
  status: { podIP: ip },
});

const frontend = pod('frontend', 'shop', { app: 'frontend', tier: 'web' }, '10.244.1.5');
const backend = pod('backend', 'shop', { app: 'backend' }, '10.244.1.6', [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }]);
const db = pod('db', 'shop', { app: 'db' }, '10.244.2.7', [{ name: 'pg', containerPort: 5432 }]);
const monitor = pod('monitor', 'ops', { app: 'monitor' }, '10.244.3.8');
const opsOther = pod('batch', 'ops', { app: 'batch' }, '10.244.3.9');
const shopMonitor = pod('shop-monitor', 'shop', { app: 'monitor' }, '10.244.1.10');

let counter = 0;
const policy = (namespace: string, spec: Record<string, unknown>): KObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: `np-${++counter}`, namespace },
  spec,
});

const denyIngress = policy('shop', { podSelector: {}, policyTypes: ['Ingress'] });
const denyEgress = policy('shop', { podSelector: {}, policyTypes: ['Egress'] });
const backendFrom = (from: unknown[], ports?: unknown[]) =>
  policy('shop', { podSelector: { matchLabels: { app: 'backend' } }, policyTypes: ['Ingress'], ingress: [{ from, ...(ports ? { ports } : {}) }] });

type Row = [string, KObject[], KObject, KObject, number, boolean, ('TCP' | 'UDP')?];

const table: Row[] = [
  ['no policies: everything is allowed', [], frontend, backend, 8080, true],
  ['default-deny ingress', [denyIngress], frontend, backend, 8080, false],
  ['default-deny without policyTypes: Ingress is implied', [policy('shop', { podSelector: {} })], frontend, backend, 8080, false],
  ['a policy with egress rules and no policyTypes also isolates ingress', [policy('shop', { podSelector: { matchLabels: { app: 'backend' } }, egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] })], frontend, backend, 8080, false],
  ['…and its egress rules apply: backend → db allowed', [policy('shop', { podSelector: { matchLabels: { app: 'backend' } }, egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] })], backend, db, 5432, true],
  ['…and other egress is denied: backend → frontend', [policy('shop', { podSelector: { matchLabels: { app: 'backend' } }, egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] })], backend, frontend, 80, false],
  ['egress: [] with no policyTypes does not isolate egress', [policy('shop', { podSelector: {}, ingress: [{}], egress: [] })], frontend, backend, 8080, true],
  ['allow frontend → backend on 8080', [denyIngress, backendFrom([{ podSelector: { matchLabels: { app: 'frontend' } } }], [{ port: 8080 }])], frontend, backend, 8080, true],
  ['…not on another port', [denyIngress, backendFrom([{ podSelector: { matchLabels: { app: 'frontend' } } }], [{ port: 8080 }])], frontend, backend, 9090, false],
  ['…not from another pod', [denyIngress, backendFrom([{ podSelector: { matchLabels: { app: 'frontend' } } }], [{ port: 8080 }])], db, backend, 8080, false],
  ['protocol defaults to TCP: a UDP connection does not match', [backendFrom([{ podSelector: {} }], [{ port: 8080 }])], frontend, backend, 8080, false, 'UDP'],
  ['named port resolves on the destination pod', [backendFrom([{ podSelector: {} }], [{ port: 'http' }])], frontend, backend, 8080, true],
  ['named port: another number is not that port', [backendFrom([{ podSelector: {} }], [{ port: 'http' }])], frontend, backend, 9090, false],
  ['named port: the protocol must match too', [backendFrom([{ podSelector: {} }], [{ port: 'dns', protocol: 'TCP' }])], frontend, backend, 53, false],
  ['named UDP port', [backendFrom([{ podSelector: {} }], [{ port: 'dns', protocol: 'UDP' }])], frontend, backend, 53, true, 'UDP'],
  ['port range with endPort', [backendFrom([{ podSelector: {} }], [{ port: 8000, endPort: 8100 }])], frontend, backend, 8080, true],
  ['port range: outside', [backendFrom([{ podSelector: {} }], [{ port: 8000, endPort: 8079 }])], frontend, backend, 8080, false],
  ['rule without ports: every port', [backendFrom([{ podSelector: { matchLabels: { app: 'frontend' } } }])], frontend, backend, 12345, true],
  ['rule without from: every source', [policy('shop', { podSelector: { matchLabels: { app: 'backend' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 8080 }] }] })], monitor, backend, 8080, true],
  ['empty ingress rule {} allows everything', [policy('shop', { podSelector: {}, ingress: [{}] })], monitor, backend, 1, true],
  ['AND: namespaceSelector and podSelector in one peer — both match', [backendFrom([{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { app: 'monitor' } } }])], monitor, backend, 8080, true],
  ['AND: right labels, wrong namespace', [backendFrom([{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { app: 'monitor' } } }])], shopMonitor, backend, 8080, false],
  ['AND: right namespace, wrong labels', [backendFrom([{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { app: 'monitor' } } }])], opsOther, backend, 8080, false],
  ['OR: two peers — namespace alone suffices', [backendFrom([{ namespaceSelector: { matchLabels: { team: 'ops' } } }, { podSelector: { matchLabels: { app: 'monitor' } } }])], opsOther, backend, 8080, true],
  ['OR: two peers — pod labels alone suffice (in the policy namespace)', [backendFrom([{ namespaceSelector: { matchLabels: { team: 'ops' } } }, { podSelector: { matchLabels: { app: 'monitor' } } }])], shopMonitor, backend, 8080, true],
  ['podSelector alone means the policy namespace only', [backendFrom([{ podSelector: { matchLabels: { app: 'monitor' } } }])], monitor, backend, 8080, false],
  ['empty namespaceSelector selects every namespace', [backendFrom([{ namespaceSelector: {} }])], monitor, backend, 8080, true],
  ['empty podSelector in a peer: every pod of the policy namespace', [backendFrom([{ podSelector: {} }])], frontend, backend, 8080, true],
  ['empty podSelector in a peer: not other namespaces', [backendFrom([{ podSelector: {} }])], monitor, backend, 8080, false],
  ['kubernetes.io/metadata.name works though the fixture lacks it', [backendFrom([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ops' } } }])], monitor, backend, 8080, true],
  ['kubernetes.io/metadata.name: another namespace', [backendFrom([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } } }])], monitor, backend, 8080, false],
  ['matchExpressions In', [backendFrom([{ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['frontend', 'db'] }] } }])], db, backend, 8080, true],
  ['matchExpressions NotIn', [backendFrom([{ podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['frontend'] }] } }])], frontend, backend, 8080, false],
  ['matchExpressions Exists', [backendFrom([{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }] } }])], frontend, backend, 8080, true],
  ['matchExpressions DoesNotExist', [backendFrom([{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] } }])], frontend, backend, 8080, false],
  ['default-deny egress blocks even when ingress is open', [denyEgress], frontend, backend, 8080, false],
  ['both sides open: egress rule and ingress rule', [denyEgress, denyIngress, policy('shop', { podSelector: { matchLabels: { app: 'frontend' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'backend' } } }], ports: [{ port: 'http' }] }] }), backendFrom([{ podSelector: { matchLabels: { app: 'frontend' } } }])], frontend, backend, 8080, true],
  ['egress open but ingress closed', [denyIngress, policy('shop', { podSelector: {}, policyTypes: ['Egress'], egress: [{}] })], frontend, backend, 8080, false],
  ['policies add up: one denies all, another allows', [denyIngress, backendFrom([{ podSelector: { matchLabels: { app: 'frontend' } } }])], frontend, backend, 8080, true],
  ['a policy in another namespace does not select these pods', [policy('ops', { podSelector: {}, policyTypes: ['Ingress'] })], frontend, backend, 8080, true],
  ['ipBlock with except: inside the hole', [backendFrom([{ ipBlock: { cidr: '10.244.0.0/16', except: ['10.244.1.0/24'] } }])], frontend, backend, 8080, false],
  ['ipBlock with except: outside the hole', [backendFrom([{ ipBlock: { cidr: '10.244.0.0/16', except: ['10.244.1.0/24'] } }])], db, backend, 8080, true],
];

describe('canReach truth table', () => {
  it.each(table)('%s', (_name, policies, from, to, port, allowed, protocol) => {
    expect(canReach({ from, to, port, protocol, policies, namespaces }).allowed).toBe(allowed);
  });

  it('says which side blocks and which policies select the pod', () => {
    const answer = canReach({ from: frontend, to: backend, port: 8080, policies: [denyIngress], namespaces });
    expect(answer.egress).toEqual({ allowed: true, isolated: false, policies: [] });
    expect(answer.ingress).toEqual({ allowed: false, isolated: true, policies: [`shop/${denyIngress.metadata.name}`] });
  });
});

describe('building blocks', () => {
  it('implied policyTypes', () => {
    expect(policyTypes(policy('x', { podSelector: {} }))).toEqual(['Ingress']);
    expect(policyTypes(policy('x', { podSelector: {}, egress: [{}] }))).toEqual(['Ingress', 'Egress']);
    expect(policyTypes(policy('x', { podSelector: {}, policyTypes: ['Egress'] }))).toEqual(['Egress']);
  });

  it('selectors: empty selects all, null selects none', () => {
    expect(matchesSelector({}, { a: '1' })).toBe(true);
    expect(matchesSelector(undefined, { a: '1' })).toBe(false);
    expect(matchesSelector({ matchLabels: { a: '1' }, matchExpressions: [{ key: 'b', operator: 'Exists' }] }, { a: '1' })).toBe(false);
  });

  it('CIDR, IPv4 and IPv6', () => {
    expect(inCidr('10.1.2.3', '10.0.0.0/8')).toBe(true);
    expect(inCidr('11.1.2.3', '10.0.0.0/8')).toBe(false);
    expect(inCidr('10.1.2.3', '10.1.2.3/32')).toBe(true);
    expect(inCidr('10.1.2.3', '0.0.0.0/0')).toBe(true);
    expect(inCidr('fd00::5', 'fd00::/64')).toBe(true);
    expect(inCidr('fd01::5', 'fd00::/64')).toBe(false);
    expect(inCidr('10.1.2.3', 'fd00::/64')).toBe(false);
  });
});
