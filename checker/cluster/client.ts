// The real ClusterReader: plain HTTPS requests to the API server, with the credentials that
// @kubernetes/client-node reads from the kubeconfig (certificates, tokens, exec plugins).
//
// Why not the generated API classes: they have no request timeout, their errors carry response
// headers in `message`, and a missing object is an exception. Here every request has its own
// AbortSignal timeout, NotFound is `undefined`, and every failure becomes a ClusterError whose
// message is safe to show a learner.
import http from 'node:http';
import https from 'node:https';
import { readFile } from 'node:fs/promises';
import { type ClusterReader, type KObject, type ListOptions, type SubjectAccessReviewSpec, type AdmissionAnswer, type DryRunOptions } from './types.ts';
import { builtInResource, groupVersionPath, resourcePath, type ResourceInfo } from './resources.ts';
import { displayPath } from '../core/paths.ts';
import { ClusterError } from '../core/errors.ts';

type ClientNode = typeof import('@kubernetes/client-node');
let clientNode: Promise<ClientNode> | undefined;

/** @kubernetes/client-node, imported on first use and once per process (the import alone costs about half a second). */
export function loadClientNode(): Promise<ClientNode> {
  clientNode ??= import('@kubernetes/client-node');
  return clientNode;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 5000;

export interface ConnectOptions {
  /** Path of the kubeconfig file (see resolveKubeconfig). */
  kubeconfig: string;
  /** A context of the kubeconfig other than its current one (Wheelhouse's record pins it). */
  context?: string;
  /** A user to act as (Impersonate-User), so that the checker can only do what that user may (grading.ts). */
  impersonate?: string;
  /** Per-request timeout; the client library has none. */
  requestTimeoutMs?: number;
}

export interface HttpClusterReader extends ClusterReader {
  /** Closes kept-alive connections so the process can exit at once. */
  close(): void;
}

/** Reads the kubeconfig and returns a reader for its current context. Does not contact the server. */
export async function connect(opts: ConnectOptions): Promise<HttpClusterReader> {
  const shown = displayPath(opts.kubeconfig);
  let text: string;
  try {
    text = await readFile(opts.kubeconfig, 'utf8');
  } catch (cause) {
    throw new ClusterError('no-kubeconfig', `no kubeconfig at ${shown}`, { cause });
  }
  const k8s = await loadClientNode();
  const kc = new k8s.KubeConfig();
  try {
    kc.loadFromString(text);
  } catch (cause) {
    throw new ClusterError('bad-kubeconfig', `${shown} is not a usable kubeconfig: ${(cause as Error).message}`, { cause });
  }
  if (opts.context) {
    if (!kc.getContextObject(opts.context)) throw new ClusterError('bad-kubeconfig', `${shown} has no context "${opts.context}"`);
    kc.setCurrentContext(opts.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster?.server) throw new ClusterError('bad-kubeconfig', `${shown} names no cluster in its current context`);
  return new HttpReader(kc, cluster.server.replace(/\/+$/, ''), opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, Boolean(cluster.proxyUrl), opts.impersonate);
}

class HttpReader implements HttpClusterReader {
  readonly server: string;
  private readonly kc: InstanceType<ClientNode['KubeConfig']>;
  private readonly timeoutMs: number;
  private readonly useLibraryAgent: boolean;
  private agent: http.Agent | undefined;
  private readonly discovered = new Map<string, Promise<Map<string, ResourceInfo> | undefined>>();

  private readonly impersonate: string | undefined;

  constructor(kc: InstanceType<ClientNode['KubeConfig']>, server: string, timeoutMs: number, useLibraryAgent: boolean, impersonate?: string) {
    this.kc = kc;
    this.server = server;
    this.timeoutMs = timeoutMs;
    this.useLibraryAgent = useLibraryAgent;
    this.impersonate = impersonate;
  }

  async get(apiVersion: string, kind: string, name: string, namespace?: string): Promise<KObject | undefined> {
    const info = await this.resource(apiVersion, kind);
    if (!info) return undefined;
    if (info.namespaced && !namespace) throw new Error(`get ${kind} ${name}: a namespaced kind needs a namespace`);
    const res = await this.request('GET', resourcePath(apiVersion, info, namespace, name));
    return res.status === 404 ? undefined : (res.body as KObject);
  }

  async list(apiVersion: string, kind: string, opts: ListOptions = {}): Promise<KObject[]> {
    const info = await this.resource(apiVersion, kind);
    if (!info) return [];
    const items: KObject[] = [];
    let next: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '500' });
      if (opts.labelSelector) query.set('labelSelector', opts.labelSelector);
      if (opts.fieldSelector) query.set('fieldSelector', opts.fieldSelector);
      if (next) query.set('continue', next);
      const res = await this.request('GET', `${resourcePath(apiVersion, info, opts.namespace)}?${query}`);
      if (res.status === 404) return [];
      const body = res.body as { items?: KObject[]; metadata?: { continue?: string } };
      // List items come without apiVersion and kind; put them back so checks can name them.
      for (const item of body.items ?? []) items.push({ ...item, apiVersion, kind });
      next = body.metadata?.continue || undefined;
    } while (next);
    return items;
  }

  async accessReview(spec: SubjectAccessReviewSpec): Promise<{ allowed: boolean; reason?: string }> {
    const res = await this.request('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec,
    });
    if (res.status === 404) throw new ClusterError('server', 'the API server does not serve SubjectAccessReviews');
    const status = (res.body as { status?: { allowed?: boolean; reason?: string } }).status ?? {};
    return { allowed: status.allowed === true, reason: status.reason };
  }

  async admits(obj: KObject, namespace?: string, opts: DryRunOptions = {}): Promise<AdmissionAnswer> {
    const info = await this.resource(obj.apiVersion, obj.kind);
    if (!info) throw new ClusterError('server', `the API server does not serve ${obj.kind} (${obj.apiVersion})`);
    const ns = info.namespaced ? (obj.metadata.namespace ?? namespace) : undefined;
    const collection = `${groupVersionPath(obj.apiVersion)}${ns ? `/namespaces/${encodeURIComponent(ns)}` : ''}/${info.resource}`;
    const operation = opts.operation ?? 'create';
    const item = `${collection}/${encodeURIComponent(obj.metadata.name)}`;
    const path =
      operation === 'create'
        ? `${collection}?dryRun=All&fieldManager=wheelhouse-check`
        : operation === 'update'
          ? `${item}${opts.subresource ? `/${encodeURIComponent(opts.subresource)}` : ''}?dryRun=All&fieldManager=wheelhouse-check`
          : `${item}?dryRun=All`;
    try {
      const res =
        operation === 'create'
          ? await this.request('POST', path, obj)
          : operation === 'update'
            ? await this.request('PUT', path, obj)
            : await this.request('DELETE', path, { apiVersion: 'v1', kind: 'DeleteOptions', dryRun: ['All'] });
      // Not found is no verdict: the kind stopped being served, or the namespace is missing.
      if (res.status === 404) throw new ClusterError('server', `a dry run (${operation}) of ${obj.kind} ${obj.metadata.name} found nothing to answer it (404 at ${path.split('?')[0]})`);
      return { allowed: true };
    } catch (err) {
      // Refusals a learner's setup causes: forbidden by admission (403), invalid (422), conflict (409), bad request (400).
      if (err instanceof ClusterError && err.refusal) return { allowed: false, status: err.refusal.status, message: err.refusal.message };
      throw err;
    }
  }

  async serverVersion(): Promise<string> {
    const res = await this.request('GET', '/version');
    const version = (res.body as { gitVersion?: string }).gitVersion;
    if (res.status !== 200 || !version) throw new ClusterError('server', `${this.server} did not answer like a Kubernetes API server`);
    return version;
  }

  close(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }

  /** Built-in table first, then discovery (cached per group version). Undefined: the kind is not served (yet). */
  private async resource(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
    const known = builtInResource(apiVersion, kind);
    if (known) return known;
    let kinds = this.discovered.get(apiVersion);
    if (!kinds) {
      kinds = this.request('GET', groupVersionPath(apiVersion)).then((res) => {
        if (res.status === 404) return undefined;
        const list = res.body as { resources?: { name: string; kind: string; namespaced: boolean }[] };
        return new Map((list.resources ?? []).filter((r) => !r.name.includes('/')).map((r) => [r.kind, { resource: r.name, namespaced: r.namespaced }]));
      });
      // A failed discovery must not be remembered: the next sample tries again.
      kinds.catch(() => this.discovered.delete(apiVersion));
      this.discovered.set(apiVersion, kinds);
    }
    const info = (await kinds)?.get(kind);
    // Nor a kind that is not served yet (a CRD still being created): the next sample asks again.
    if (!info && this.discovered.get(apiVersion) === kinds) this.discovered.delete(apiVersion);
    return info;
  }

  private async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const what = `${method} ${path.split('?')[0]}`;
    const options: https.RequestOptions = {};
    try {
      await this.kc.applyToHTTPSOptions(options);
    } catch (cause) {
      // Exec plugins and token files fail here.
      throw new ClusterError('bad-kubeconfig', `cannot get credentials from the kubeconfig: ${(cause as Error).message}`, { cause, request: what });
    }
    const url = new URL(this.server + path);
    const secure = url.protocol === 'https:';
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const signal = AbortSignal.timeout(this.timeoutMs);
    const requestOptions: https.RequestOptions = {
      ...options,
      agent: this.useLibraryAgent ? options.agent : this.keepAliveAgent(options, secure),
      method,
      signal,
      headers: {
        ...(options.headers as Record<string, string>),
        Accept: 'application/json',
        'User-Agent': 'wheelhouse-checker',
        ...(this.impersonate ? { 'Impersonate-User': this.impersonate } : {}),
        ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) } : {}),
      },
    };
    return new Promise((resolve, reject) => {
      const fail = (err: NodeJS.ErrnoException) => reject(this.networkError(err, signal, what));
      const req = (secure ? https : http).request(url, requestOptions, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : {};
          } catch {
            json = undefined;
          }
          // A 404 means absent, whatever its body: the endpoint of a just-deleted CRD answers in plain text.
          if (status === 404) return resolve({ status, body: json ?? {} });
          if (status === 200 || status === 201) {
            if (json === undefined) return reject(new ClusterError('server', `${what}: the answer is not JSON`, { request: what }));
            return resolve({ status, body: json });
          }
          reject(this.statusError(status, json, what));
        });
      });
      req.on('error', fail);
      req.end(payload);
    });
  }

  /** One kept-alive agent per reader: a check makes many small requests to the same server. */
  private keepAliveAgent(o: https.RequestOptions, secure: boolean): http.Agent {
    if (!this.agent) {
      const common = { keepAlive: true, maxSockets: 8 };
      this.agent = secure
        ? new https.Agent({ ...common, ca: o.ca, cert: o.cert, key: o.key, pfx: o.pfx, passphrase: o.passphrase, servername: o.servername, rejectUnauthorized: o.rejectUnauthorized })
        : new http.Agent(common);
    }
    return this.agent;
  }

  private statusError(status: number, json: unknown, what: string): ClusterError {
    // A Status object's message is written for people and carries no secrets; headers are never used.
    const said = (json as { message?: string } | undefined)?.message;
    if (status === 401) return new ClusterError('unauthorized', `${this.server} did not accept the credentials in the kubeconfig (401 Unauthorized)`, { request: what });
    // RBAC saying the checker's own credentials may not create is not the cluster's answer about the object.
    const rbac = status === 403 && / cannot \w+ resource /.test(said ?? '');
    // Only dry runs write (POST, PUT, DELETE): a refusal there is the cluster's answer about the object.
    if ([400, 403, 409, 422].includes(status) && !rbac && !what.startsWith('GET') && !what.includes('/subjectaccessreviews')) {
      return Object.assign(new ClusterError(status === 403 ? 'forbidden' : 'server', `${what}: ${status}${said ? ` ${said}` : ''}`, { request: what }), { refusal: { status, message: said ?? String(status) } });
    }
    if (status === 403) return new ClusterError('forbidden', said ?? `${what} is forbidden (403)`, { request: what });
    return new ClusterError('server', `${what}: ${status}${said ? ` ${said}` : ''}`, { request: what });
  }

  private networkError(err: NodeJS.ErrnoException, signal: AbortSignal, what: string): ClusterError {
    if (signal.aborted) return new ClusterError('timeout', `${this.server} did not answer ${what} within ${this.timeoutMs / 1000} s`, { request: what, cause: err });
    const reason = err.code ?? err.message;
    return new ClusterError('unreachable', `cannot reach ${this.server} (${reason})`, { request: what, cause: err });
  }
}
