// The read-only view of the transport: the ClusterReader that grading uses. It gets, lists, asks
// access reviews and dry runs, and nothing else; NotFound is `undefined`, a refusal of a dry run
// is an answer, and every failure is a ClusterError whose message is safe to show a learner.
import { type ClusterReader, type KObject, type ListOptions, type SubjectAccessReviewSpec, type AdmissionAnswer, type DryRunOptions } from './types.ts';
import { builtInResource, type ResourceInfo } from './resources.ts';
import { apiPath, groupVersion, openTransport, type Transport, type TransportOptions } from './transport.ts';
import { ClusterError, KubeStatusError } from '../core/errors.ts';

export interface ConnectOptions extends Omit<TransportOptions, 'retry' | 'timeoutMs'> {
  /** Per-request timeout (default: the transport's REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
}

export interface HttpClusterReader extends ClusterReader {
  /** Closes kept-alive connections so the process can exit at once. */
  close(): void;
}

/** Reads the kubeconfig and returns a reader for its current context. Does not contact the server. */
export async function connect(opts: ConnectOptions): Promise<HttpClusterReader> {
  // No retries here: the engine tries transient failures again within its own deadline.
  return new HttpReader(await openTransport({ ...opts, timeoutMs: opts.requestTimeoutMs, retry: false }));
}

/** The REST path of a kind's collection or (with name) one object. */
function pathOf(apiVersion: string, info: ResourceInfo, namespace?: string, name?: string): string {
  return apiPath({ ...groupVersion(apiVersion), resource: info.resource }, info.namespaced ? namespace : undefined, name);
}

class HttpReader implements HttpClusterReader {
  readonly server: string;
  private readonly t: Transport;
  private readonly discovered = new Map<string, Promise<Map<string, ResourceInfo> | undefined>>();

  constructor(t: Transport) {
    this.t = t;
    this.server = t.server;
  }

  async get(apiVersion: string, kind: string, name: string, namespace?: string): Promise<KObject | undefined> {
    const info = await this.resource(apiVersion, kind);
    if (!info) return undefined;
    if (info.namespaced && !namespace) throw new Error(`get ${kind} ${name}: a namespaced kind needs a namespace`);
    const res = await this.t.request('GET', pathOf(apiVersion, info, namespace, name), { allow404: true });
    return res.status === 404 ? undefined : (res.body as KObject);
  }

  async list(apiVersion: string, kind: string, opts: ListOptions = {}): Promise<KObject[]> {
    const info = await this.resource(apiVersion, kind);
    if (!info) return [];
    const items = await this.t.list<KObject>(pathOf(apiVersion, info, opts.namespace), { labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector });
    // List items come without apiVersion and kind; put them back so checks can name them.
    return items.map((item) => ({ ...item, apiVersion, kind }));
  }

  async accessReview(spec: SubjectAccessReviewSpec): Promise<{ allowed: boolean; reason?: string }> {
    const res = await this.t.request('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
      body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', spec },
      allow404: true,
    });
    if (res.status === 404) throw new ClusterError('server', 'the API server does not serve SubjectAccessReviews');
    const status = (res.body as { status?: { allowed?: boolean; reason?: string } }).status ?? {};
    return { allowed: status.allowed === true, reason: status.reason };
  }

  async admits(obj: KObject, namespace?: string, opts: DryRunOptions = {}): Promise<AdmissionAnswer> {
    const info = await this.resource(obj.apiVersion, obj.kind);
    if (!info) throw new ClusterError('server', `the API server does not serve ${obj.kind} (${obj.apiVersion})`);
    const ns = obj.metadata.namespace ?? namespace;
    const operation = opts.operation ?? 'create';
    const at = operation === 'create' ? pathOf(obj.apiVersion, info, ns) : apiPath({ ...groupVersion(obj.apiVersion), resource: info.resource }, info.namespaced ? ns : undefined, obj.metadata.name, operation === 'update' ? opts.subresource : undefined);
    const dryRun = operation === 'delete' ? '?dryRun=All' : '?dryRun=All&fieldManager=wheelhouse-check';
    const request =
      operation === 'create'
        ? { method: 'POST', body: obj }
        : operation === 'update'
          ? { method: 'PUT', body: obj }
          : { method: 'DELETE', body: { apiVersion: 'v1', kind: 'DeleteOptions', dryRun: ['All'] } };
    try {
      const res = await this.t.request(request.method, at + dryRun, { body: request.body, allow404: true });
      // Not found is no verdict: the kind stopped being served, or the namespace is missing.
      if (res.status === 404) throw new ClusterError('server', `a dry run (${operation}) of ${obj.kind} ${obj.metadata.name} found nothing to answer it (404 at ${at})`);
      return { allowed: true };
    } catch (err) {
      // Refusals a learner's setup causes: forbidden by admission (403), invalid (422), conflict
      // (409), bad request (400). RBAC saying the grader itself may not write is no answer about the object.
      const rbac = err instanceof KubeStatusError && err.status === 403 && / cannot \w+ resource /.test(err.said ?? '');
      if (err instanceof KubeStatusError && [400, 403, 409, 422].includes(err.status) && !rbac) return { allowed: false, status: err.status, message: err.said ?? String(err.status) };
      throw err;
    }
  }

  serverVersion(): Promise<string> {
    return this.t.version();
  }

  close(): void {
    this.t.close();
  }

  /** Built-in table first, then discovery (cached per group version). Undefined: the kind is not served (yet). */
  private async resource(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
    const known = builtInResource(apiVersion, kind);
    if (known) return known;
    let kinds = this.discovered.get(apiVersion);
    if (!kinds) {
      const { group, version } = groupVersion(apiVersion);
      kinds = this.t.groupResources(group, version).then((types) => types && new Map(types.map((r) => [r.kind, { resource: r.resource, namespaced: r.namespaced }])));
      // A failed discovery must not be remembered: the next sample tries again.
      kinds.catch(() => this.discovered.delete(apiVersion));
      this.discovered.set(apiVersion, kinds);
    }
    const info = (await kinds)?.get(kind);
    // Nor a kind that is not served yet (a CRD still being created): the next sample asks again.
    if (!info && this.discovered.get(apiVersion) === kinds) this.discovered.delete(apiVersion);
    return info;
  }
}
