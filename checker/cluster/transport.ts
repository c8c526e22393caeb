// The one door to an API server: every request Wheelhouse sends to Kubernetes goes through here.
// It loads the kubeconfig (certificates, tokens, exec plugins, through @kubernetes/client-node),
// keeps one kept-alive agent, sends plain HTTPS requests, maps every failure to a ClusterError
// whose message is safe to show, tries again when asked, discovers resource types and builds
// REST paths. Two views sit on it: the read-only ClusterReader for grading (client.ts) and the
// read-write KubeApi for the lifecycle (lifecycle/kube-api.ts); the kwok volume provisioner uses
// it as it is.
//
// Why not the generated API classes: they have no request timeout, their errors carry response
// headers in `message`, and a missing object is an exception.
import http from 'node:http';
import https from 'node:https';
import { readFile } from 'node:fs/promises';
import { displayPath } from '../core/paths.ts';
import { ClusterError, KubeStatusError } from '../core/errors.ts';

type ClientNode = typeof import('@kubernetes/client-node');
export type KubeConfig = InstanceType<ClientNode['KubeConfig']>;
let clientNode: Promise<ClientNode> | undefined;

/** @kubernetes/client-node, imported on first use and once per process (the import alone costs about half a second). */
export function loadClientNode(): Promise<ClientNode> {
  clientNode ??= import('@kubernetes/client-node');
  return clientNode;
}

/**
 * One timeout for every request, grading and lifecycle alike: 10 s. The API server gives an
 * admission webhook up to 10 s (its default timeoutSeconds), so a dry run or a write that passes
 * through one may take that long on a working cluster, and a collection delete on a busy two-core
 * machine takes seconds; a shorter timeout would call a slow but healthy cluster unreachable.
 * `npm run check -- --request-timeout` overrides it for one run.
 */
export const REQUEST_TIMEOUT_MS = 10_000;

/** How often a request that the server answered "not now" is sent again (with retry on): 100 ms, doubling. */
const RETRIES = 5;

export interface TransportOptions {
  /** Path of the kubeconfig file (see resolveKubeconfig). */
  kubeconfig: string;
  /** A context of the kubeconfig other than its current one (Wheelhouse's record pins it). */
  context?: string;
  /** A user to act as (Impersonate-User), so that the caller can do only what that user may (grading.ts). */
  impersonate?: string;
  /** Per-request timeout (default REQUEST_TIMEOUT_MS). */
  timeoutMs?: number;
  /**
   * Send a request again when the server says "not now": 429 (a CRD's storage being initialised,
   * priority and fairness), 5xx, or a kept-alive connection it closed meanwhile. The lifecycle
   * wants it; grading does not (the engine tries again within its own deadline).
   */
  retry?: boolean;
}

export interface RequestOptions {
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** A 404 is an answer (absent), not an error. */
  allow404?: boolean;
}

export interface Answer {
  status: number;
  body: unknown;
}

/** One kind of object the API server serves. */
export interface ResourceType {
  group: string;
  version: string;
  /** Plural name used in URLs. */
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
}

/** The group and version of an apiVersion: apps/v1 → apps, v1; v1 → '', v1. */
export function groupVersion(apiVersion: string): { group: string; version: string } {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return { group, version };
}

/** The one REST path builder: a group version, a collection, an object or an object's subresource. */
export function apiPath(rt: Pick<ResourceType, 'group' | 'version'> & { resource?: string }, namespace?: string, name?: string, subresource?: string): string {
  const prefix = rt.group ? `/apis/${rt.group}/${rt.version}` : `/api/${rt.version}`;
  if (!rt.resource) return prefix;
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const obj = name !== undefined ? `/${encodeURIComponent(name)}${subresource ? `/${encodeURIComponent(subresource)}` : ''}` : '';
  return `${prefix}${ns}/${rt.resource}${obj}`;
}

/** A core (v1) resource, for apiPath: CORE('namespaces'). */
export const CORE = (resource: string) => ({ group: '', version: 'v1', resource });

/** Reads a kubeconfig file, with errors a learner can act on. */
export async function loadKubeconfig(path: string, context?: string): Promise<KubeConfig> {
  const shown = displayPath(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
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
  if (context) {
    if (!kc.getContextObject(context)) throw new ClusterError('bad-kubeconfig', `${shown} has no context "${context}"`);
    kc.setCurrentContext(context);
  }
  return kc;
}

/** Reads the kubeconfig and returns a transport to its (or `context`'s) cluster. Does not contact the server. */
export async function openTransport(opts: TransportOptions): Promise<Transport> {
  const kc = await loadKubeconfig(opts.kubeconfig, opts.context);
  const cluster = kc.getCurrentCluster();
  if (!cluster?.server) throw new ClusterError('bad-kubeconfig', `${displayPath(opts.kubeconfig)} names no cluster in its current context`);
  return new Transport(kc, cluster.server.replace(/\/+$/, ''), opts, Boolean(cluster.proxyUrl));
}

const DISCOVERY_ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';

export class Transport {
  /** The API server URL, for messages (e.g. https://127.0.0.1:6443). */
  readonly server: string;
  readonly timeoutMs: number;
  private readonly kc: KubeConfig;
  private readonly retry: boolean;
  private readonly impersonate: string | undefined;
  /** A proxy-url in the kubeconfig: the library's agent knows how to go through it. */
  private readonly useLibraryAgent: boolean;
  private agent: http.Agent | undefined;

  constructor(kc: KubeConfig, server: string, opts: TransportOptions, useLibraryAgent = false) {
    this.kc = kc;
    this.server = server;
    this.timeoutMs = opts.timeoutMs ?? REQUEST_TIMEOUT_MS;
    this.retry = opts.retry ?? false;
    this.impersonate = opts.impersonate;
    this.useLibraryAgent = useLibraryAgent;
  }

  /** One request; with retry on, sent again a few times while the server says "not now". */
  async request(method: string, path: string, opts: RequestOptions = {}): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(method, path, opts);
      } catch (err) {
        // A kept-alive connection the server closed meanwhile is worth one more try; a refused one is not.
        const reset = (err as { cause?: { code?: string } }).cause?.code === 'ECONNRESET';
        const again = err instanceof KubeStatusError ? err.status === 429 || err.status >= 500 : reset;
        if (!this.retry || !again || attempt >= RETRIES) throw err;
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
  }

  /** Every object of a collection path, pages followed; a 404 (the kind is not served) is none. */
  async list<T = Record<string, unknown>>(path: string, query: Record<string, string | undefined> = {}): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined;
    do {
      const q = new URLSearchParams({ limit: '500' });
      for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
      if (next) q.set('continue', next);
      const res = await this.request('GET', `${path}?${q}`, { allow404: true });
      if (res.status === 404) return [];
      const body = res.body as { items?: T[]; metadata?: { continue?: string } };
      items.push(...(body.items ?? []));
      next = body.metadata?.continue || undefined;
    } while (next);
    return items;
  }

  /** The server's gitVersion, e.g. v1.37.0. */
  async version(): Promise<string> {
    const res = await this.request('GET', '/version', { allow404: true });
    const version = (res.body as { gitVersion?: string }).gitVersion;
    if (res.status !== 200 || !version) throw new ClusterError('server', `${this.server} did not answer like a Kubernetes API server`);
    return version;
  }

  /** The resource types of one group version; undefined when the server does not serve it (yet). */
  async groupResources(group: string, version: string): Promise<ResourceType[] | undefined> {
    const res = await this.request('GET', apiPath({ group, version }), { allow404: true });
    if (res.status === 404) return undefined;
    return ((res.body as { resources?: { name: string; kind: string; namespaced: boolean; verbs?: string[] }[] }).resources ?? [])
      .filter((x) => !x.name.includes('/'))
      .map((x) => ({ group, version, resource: x.name, kind: x.kind, namespaced: x.namespaced, verbs: x.verbs ?? [] }));
  }

  /**
   * Every resource type the server serves at its preferred version, asked fresh each time (labs
   * add CRDs): aggregated discovery (two requests), or, on servers without it (< 1.30), one
   * request per preferred group version.
   */
  async resources(): Promise<ResourceType[]> {
    const [core, groups] = await Promise.all([this.request('GET', '/api', { accept: DISCOVERY_ACCEPT }), this.request('GET', '/apis', { accept: DISCOVERY_ACCEPT })]);
    if ((groups.body as { kind?: string }).kind === 'APIGroupDiscoveryList') return [...fromAggregated(core.body), ...fromAggregated(groups.body)];
    const versions = ['v1', ...((groups.body as { groups?: { preferredVersion: { groupVersion: string } }[] }).groups ?? []).map((g) => g.preferredVersion.groupVersion)];
    const lists = await Promise.all(versions.map((gv) => groupVersion(gv)).map(({ group, version }) => this.groupResources(group, version)));
    return lists.flatMap((l) => l ?? []);
  }

  /** Closes kept-alive connections so the process can exit at once. */
  close(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }

  private async once(method: string, path: string, opts: RequestOptions): Promise<Answer> {
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
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const signal = AbortSignal.timeout(this.timeoutMs);
    const req: https.RequestOptions = {
      ...options,
      agent: this.useLibraryAgent ? options.agent : this.keepAliveAgent(options, secure),
      method,
      signal,
      headers: {
        ...(options.headers as Record<string, string>),
        Accept: opts.accept ?? 'application/json',
        'User-Agent': 'wheelhouse',
        ...(this.impersonate ? { 'Impersonate-User': this.impersonate } : {}),
        ...(payload ? { 'Content-Type': opts.contentType ?? 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) } : {}),
      },
    };
    return new Promise((resolve, reject) => {
      const fail = (err: NodeJS.ErrnoException) =>
        reject(
          signal.aborted
            ? new ClusterError('timeout', `${this.server} did not answer ${what} within ${this.timeoutMs / 1000} s`, { request: what, cause: err })
            : new ClusterError('unreachable', `cannot reach ${this.server} (${err.code ?? err.message})`, { request: what, cause: err }),
        );
      const r = (secure ? https : http).request(url, req, (res) => {
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
          if (status === 404 && opts.allow404) return resolve({ status, body: json ?? {} });
          if (status >= 200 && status < 300) {
            if (json === undefined) return reject(new ClusterError('server', `${what}: the answer is not JSON`, { request: what }));
            return resolve({ status, body: json });
          }
          // A Status message is written for people and carries no secrets; headers are never shown.
          const said = (json as { message?: string } | undefined)?.message;
          if (status === 401) return reject(new KubeStatusError(401, `${this.server} did not accept the credentials in the kubeconfig (401 Unauthorized)`, what));
          reject(new KubeStatusError(status, `${what}: ${status}${said ? ` ${said}` : ''}`, what, said));
        });
      });
      r.on('error', fail);
      r.end(payload);
    });
  }

  /** One kept-alive agent per transport: grading and reset both make many small requests to one server. */
  private keepAliveAgent(o: https.RequestOptions, secure: boolean): http.Agent {
    if (!this.agent) {
      const common = { keepAlive: true, maxSockets: 16 };
      this.agent = secure
        ? new https.Agent({ ...common, ca: o.ca, cert: o.cert, key: o.key, pfx: o.pfx, passphrase: o.passphrase, servername: o.servername, rejectUnauthorized: o.rejectUnauthorized })
        : new http.Agent(common);
    }
    return this.agent;
  }
}

interface AggregatedList {
  items?: {
    metadata?: { name?: string };
    versions?: { version: string; resources?: { resource: string; responseKind?: { kind?: string }; scope: string; verbs?: string[] }[] }[];
  }[];
}

/** apidiscovery.k8s.io/v2: versions are listed in preference order, so the first is the preferred one. */
function fromAggregated(body: unknown): ResourceType[] {
  return ((body as AggregatedList).items ?? []).flatMap((g) => {
    const v = g.versions?.[0];
    if (!v) return [];
    return (v.resources ?? []).map((r) => ({
      group: g.metadata?.name ?? '',
      version: v.version,
      resource: r.resource,
      kind: r.responseKind?.kind ?? '',
      namespaced: r.scope === 'Namespaced',
      verbs: r.verbs ?? [],
    }));
  });
}
