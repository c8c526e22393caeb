// A ClusterReader that answers from objects in memory: unit tests hand it fixtures, change them
// between samples to play a converging rollout, or make it fail like a real API server would.
import { type AdmissionAnswer, type ClusterReader, type DryRunOptions, type KObject, type ListOptions, type SubjectAccessReviewSpec } from '../../checker/cluster/types.ts';
import { builtInResource } from '../../checker/cluster/resources.ts';
import { ClusterError } from '../../checker/core/errors.ts';

export interface FakeClusterOptions {
  objects?: KObject[];
  version?: string;
  /** Decides access reviews; default: nothing is allowed. */
  access?: (spec: SubjectAccessReviewSpec) => boolean;
  /** Decides dry runs (creates, or what `opts` says); default: everything is admitted. */
  admission?: (obj: KObject, namespace?: string, opts?: DryRunOptions) => AdmissionAnswer;
}

export class FakeCluster implements ClusterReader {
  readonly server = 'https://fake.invalid';
  objects: KObject[];
  version: string;
  access: (spec: SubjectAccessReviewSpec) => boolean;
  admission: (obj: KObject, namespace?: string, opts?: DryRunOptions) => AdmissionAnswer;
  /** Every request, e.g. "get apps/v1 Deployment lab-07/web", in order. */
  readonly requests: string[] = [];
  /** When set, every request throws it (an API server that went away, a token that expired). */
  failure: Error | undefined;
  /** Called before every request: tests use it to change the cluster as time passes. */
  beforeRequest: ((request: string) => void | Promise<void>) | undefined;

  constructor(opts: FakeClusterOptions = {}) {
    this.objects = opts.objects ?? [];
    this.version = opts.version ?? 'v1.37.0';
    this.access = opts.access ?? (() => false);
    this.admission = opts.admission ?? (() => ({ allowed: true }));
  }

  async get(apiVersion: string, kind: string, name: string, namespace?: string): Promise<KObject | undefined> {
    await this.enter(`get ${apiVersion} ${kind} ${namespace ? `${namespace}/` : ''}${name}`);
    const found = this.objects.find((o) => same(o, apiVersion, kind) && o.metadata.name === name && inNamespace(o, apiVersion, kind, namespace));
    return found && structuredClone(found);
  }

  async list(apiVersion: string, kind: string, opts: ListOptions = {}): Promise<KObject[]> {
    const query = [opts.namespace, opts.labelSelector && `-l ${opts.labelSelector}`, opts.fieldSelector && `--field-selector ${opts.fieldSelector}`].filter(Boolean).join(' ');
    await this.enter(`list ${apiVersion} ${kind}${query ? ` ${query}` : ''}`);
    const matchesLabels = opts.labelSelector ? parseLabelSelector(opts.labelSelector) : () => true;
    const matchesFields = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector) : () => true;
    return this.objects
      .filter((o) => same(o, apiVersion, kind) && (opts.namespace === undefined || inNamespace(o, apiVersion, kind, opts.namespace)))
      .filter((o) => matchesLabels(o.metadata.labels ?? {}) && matchesFields(o))
      .map((o) => structuredClone(o));
  }

  async accessReview(spec: SubjectAccessReviewSpec): Promise<{ allowed: boolean; reason?: string }> {
    await this.enter(`review ${spec.user} ${spec.resourceAttributes?.verb} ${spec.resourceAttributes?.resource}`);
    return { allowed: this.access(spec) };
  }

  async admits(obj: KObject, namespace?: string, opts?: DryRunOptions): Promise<AdmissionAnswer> {
    const how = opts?.operation && opts.operation !== 'create' ? ` (${opts.operation}${opts.subresource ? ` ${opts.subresource}` : ''})` : '';
    await this.enter(`admits ${obj.apiVersion} ${obj.kind} ${namespace ? `${namespace}/` : ''}${obj.metadata.name}${how}`);
    return this.admission(obj, namespace, opts);
  }

  async serverVersion(): Promise<string> {
    await this.enter('version');
    return this.version;
  }

  /** Replaces (by kind, namespace and name) or adds objects. */
  put(...objects: KObject[]): void {
    for (const o of objects) {
      const i = this.objects.findIndex((x) => x.kind === o.kind && x.apiVersion === o.apiVersion && x.metadata.name === o.metadata.name && x.metadata.namespace === o.metadata.namespace);
      if (i >= 0) this.objects[i] = o;
      else this.objects.push(o);
    }
  }

  private async enter(request: string): Promise<void> {
    this.requests.push(request);
    await this.beforeRequest?.(request);
    if (this.failure) throw this.failure;
  }
}

/** The errors a real API server produces, for tests. */
export const clusterFailures = {
  down: () => new ClusterError('unreachable', 'cannot reach https://fake.invalid (ECONNREFUSED)'),
  unauthorized: () => new ClusterError('unauthorized', 'https://fake.invalid did not accept the credentials in the kubeconfig (401 Unauthorized)'),
  forbidden: () => new ClusterError('forbidden', 'deployments.apps "web" is forbidden: User "system:anonymous" cannot get resource "deployments"'),
  slow: () => new ClusterError('timeout', 'https://fake.invalid did not answer within 5 s'),
};

function same(o: KObject, apiVersion: string, kind: string): boolean {
  return o.apiVersion === apiVersion && o.kind === kind;
}

function inNamespace(o: KObject, apiVersion: string, kind: string, namespace: string | undefined): boolean {
  const namespaced = builtInResource(apiVersion, kind)?.namespaced ?? o.metadata.namespace !== undefined;
  return !namespaced || o.metadata.namespace === namespace;
}

/** Parses the label selector syntax kubectl -l accepts: a=b, a==b, a!=b, a, !a, a in (x,y), a notin (x). */
export function parseLabelSelector(selector: string): (labels: Record<string, string>) => boolean {
  const parts = selector.split(/,(?![^(]*\))/).map((p) => p.trim()).filter(Boolean);
  const tests = parts.map((part): ((l: Record<string, string>) => boolean) => {
    let m: RegExpExecArray | null;
    if ((m = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part))) {
      const [, key, op, list] = m;
      const values = list.split(',').map((v) => v.trim());
      return op === 'in' ? (l) => key in l && values.includes(l[key]) : (l) => !(key in l) || !values.includes(l[key]);
    }
    if ((m = /^([^!=\s]+)\s*!=\s*(\S*)$/.exec(part))) {
      const [, key, value] = m;
      return (l) => l[key] !== value;
    }
    if ((m = /^([^!=\s]+)\s*==?\s*(\S*)$/.exec(part))) {
      const [, key, value] = m;
      return (l) => l[key] === value;
    }
    if ((m = /^!(\S+)$/.exec(part))) {
      const key = m[1];
      return (l) => !(key in l);
    }
    if (/^\S+$/.test(part)) return (l) => part in l;
    throw new Error(`cannot parse label selector "${selector}"`);
  });
  return (labels) => tests.every((t) => t(labels));
}

function parseFieldSelector(selector: string): (o: KObject) => boolean {
  const tests = selector.split(',').map((part) => {
    const m = /^([\w.]+)\s*(!=|==|=)\s*(.*)$/.exec(part.trim());
    if (!m) throw new Error(`cannot parse field selector "${selector}"`);
    const [, path, op, value] = m;
    return (o: KObject) => {
      const found = String(path.split('.').reduce<any>((v, k) => v?.[k], o) ?? '');
      return op === '!=' ? found !== value : found === value;
    };
  });
  return (o) => tests.every((t) => t(o));
}
