// The lifecycle's way to change a cluster in process: plain REST calls with the kubeconfig's
// credentials. The checker reads through checker/cluster/client.ts and never writes; `lab reset`
// must be fast (the test suite runs it hundreds of times), so sweeping a lab away is done here
// with parallel requests rather than one kubectl process per step. Setup files and solution
// scripts still go through kubectl, as a learner's would.
import http from 'node:http';
import https from 'node:https';
import { readFile } from 'node:fs/promises';
import { loadClientNode } from '../cluster/client.ts';
import { type KObject } from '../cluster/types.ts';
import { displayPath } from '../core/paths.ts';
import { ClusterError } from '../core/errors.ts';

/** One kind of object the API server serves, from discovery. */
export interface ResourceType {
  group: string;
  version: string;
  /** Plural name used in URLs. */
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
}

export type PatchType = 'merge' | 'json';
export type DeleteResult = 'deleted' | 'pending' | 'absent';

export interface KubeApi {
  /** The API server URL, for messages. */
  readonly server: string;
  version(): Promise<string>;
  /** One object; undefined when it does not exist. */
  get(path: string): Promise<KObject | undefined>;
  /** Every object of a collection path (pages followed). */
  list(path: string, query?: Record<string, string>): Promise<KObject[]>;
  create(path: string, body: object): Promise<KObject>;
  replace(path: string, body: object): Promise<KObject>;
  patch(path: string, body: unknown, type?: PatchType): Promise<KObject>;
  /**
   * Deletes an object or, on a collection path, a collection. "pending": the object still exists,
   * marked for deletion (finalizers, a grace period); "absent": there was nothing to delete.
   */
  delete(path: string, query?: Record<string, string>): Promise<DeleteResult>;
  /** Every resource type the server serves at its preferred version, asked fresh each time (labs add CRDs). */
  resources(): Promise<ResourceType[]>;
  close(): void;
}

/** The API server answered with an error status that the caller may want to tell apart (409 Conflict). */
export class KubeStatusError extends ClusterError {
  readonly status: number;
  constructor(status: number, message: string, request: string) {
    super(status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'server', message, { request });
    this.status = status;
  }
}

/** REST path of a collection, an object or an object's subresource. */
export function apiPath(rt: Pick<ResourceType, 'group' | 'version' | 'resource'>, namespace?: string, name?: string, subresource?: string): string {
  const prefix = rt.group ? `/apis/${rt.group}/${rt.version}` : `/api/${rt.version}`;
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const obj = name ? `/${encodeURIComponent(name)}${subresource ? `/${subresource}` : ''}` : '';
  return `${prefix}${ns}/${rt.resource}${obj}`;
}

export const CORE = (resource: string) => ({ group: '', version: 'v1', resource });

export const DEFAULT_API_TIMEOUT_MS = 10_000;

export interface KubeApiOptions {
  kubeconfig: string;
  /** A context of the kubeconfig other than its current one. */
  context?: string;
  timeoutMs?: number;
}

/** Reads the kubeconfig; does not contact the server. */
export async function connectApi(opts: KubeApiOptions): Promise<KubeApi> {
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
    if (opts.context) kc.setCurrentContext(opts.context);
  } catch (cause) {
    throw new ClusterError('bad-kubeconfig', `${shown} is not a usable kubeconfig: ${(cause as Error).message}`, { cause });
  }
  if (opts.context && !kc.getContextObject(opts.context)) throw new ClusterError('bad-kubeconfig', `${shown} has no context "${opts.context}"`);
  const cluster = kc.getCurrentCluster();
  if (!cluster?.server) throw new ClusterError('bad-kubeconfig', `${shown} names no cluster in its current context`);
  return new HttpKubeApi(kc, cluster.server.replace(/\/+$/, ''), opts.timeoutMs ?? DEFAULT_API_TIMEOUT_MS);
}

type KubeConfig = InstanceType<Awaited<ReturnType<typeof loadClientNode>>['KubeConfig']>;

interface RequestOptions {
  body?: unknown;
  contentType?: string;
  accept?: string;
  allow404?: boolean;
}

const DISCOVERY_ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';

class HttpKubeApi implements KubeApi {
  readonly server: string;
  private readonly kc: KubeConfig;
  private readonly timeoutMs: number;
  private agent: http.Agent | undefined;

  constructor(kc: KubeConfig, server: string, timeoutMs: number) {
    this.kc = kc;
    this.server = server;
    this.timeoutMs = timeoutMs;
  }

  async version(): Promise<string> {
    const { body } = await this.request('GET', '/version');
    const v = (body as { gitVersion?: string }).gitVersion;
    if (!v) throw new ClusterError('server', `${this.server} did not answer like a Kubernetes API server`);
    return v;
  }

  async get(path: string): Promise<KObject | undefined> {
    const res = await this.request('GET', path, { allow404: true });
    return res.status === 404 ? undefined : (res.body as KObject);
  }

  async list(path: string, query: Record<string, string> = {}): Promise<KObject[]> {
    const items: KObject[] = [];
    let next: string | undefined;
    do {
      const q = new URLSearchParams({ limit: '500', ...query });
      if (next) q.set('continue', next);
      const res = await this.request('GET', `${path}?${q}`, { allow404: true });
      if (res.status === 404) return [];
      const body = res.body as { items?: KObject[]; metadata?: { continue?: string } };
      items.push(...(body.items ?? []));
      next = body.metadata?.continue || undefined;
    } while (next);
    return items;
  }

  async create(path: string, body: object): Promise<KObject> {
    return (await this.request('POST', path, { body })).body as KObject;
  }

  async replace(path: string, body: object): Promise<KObject> {
    return (await this.request('PUT', path, { body })).body as KObject;
  }

  async patch(path: string, body: unknown, type: PatchType = 'merge'): Promise<KObject> {
    const contentType = type === 'merge' ? 'application/merge-patch+json' : 'application/json-patch+json';
    return (await this.request('PATCH', path, { body, contentType })).body as KObject;
  }

  async delete(path: string, query: Record<string, string> = {}): Promise<DeleteResult> {
    const q = new URLSearchParams(query).toString();
    const res = await this.request('DELETE', q ? `${path}?${q}` : path, { allow404: true });
    if (res.status === 404) return 'absent';
    // The answer is a Status when the object is gone, or the object itself: still there if it has a deletionTimestamp.
    const body = res.body as KObject | { kind?: string };
    return (body as KObject).metadata?.deletionTimestamp ? 'pending' : 'deleted';
  }

  async resources(): Promise<ResourceType[]> {
    const [core, groups] = await Promise.all([
      this.request('GET', '/api', { accept: DISCOVERY_ACCEPT }),
      this.request('GET', '/apis', { accept: DISCOVERY_ACCEPT }),
    ]);
    if ((groups.body as { kind?: string }).kind === 'APIGroupDiscoveryList') {
      return [...fromAggregated(core.body), ...fromAggregated(groups.body)];
    }
    // Servers before aggregated discovery (< 1.30): one request per preferred group version.
    const versions = ['v1', ...((groups.body as { groups?: { preferredVersion: { groupVersion: string } }[] }).groups ?? []).map((g) => g.preferredVersion.groupVersion)];
    const lists = await Promise.all(versions.map((gv) => this.request('GET', gv === 'v1' ? '/api/v1' : `/apis/${gv}`, { allow404: true }).then((r) => ({ gv, r }))));
    return lists.flatMap(({ gv, r }) => {
      if (r.status === 404) return [];
      const [group, version] = gv.includes('/') ? gv.split('/') : ['', gv];
      return ((r.body as { resources?: { name: string; kind: string; namespaced: boolean; verbs: string[] }[] }).resources ?? [])
        .filter((x) => !x.name.includes('/'))
        .map((x) => ({ group, version, resource: x.name, kind: x.kind, namespaced: x.namespaced, verbs: x.verbs }));
    });
  }

  close(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }

  /**
   * One request, tried again a few times when the server says "not now": 429 (a CRD's storage is
   * being initialised, priority and fairness), 5xx, or a dropped connection.
   */
  private async request(method: string, path: string, opts: RequestOptions = {}): Promise<{ status: number; body: unknown }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(method, path, opts);
      } catch (err) {
        // A kept-alive connection the server closed meanwhile is worth one more try; a refused one is not.
        const reset = (err as { cause?: { code?: string } }).cause?.code === 'ECONNRESET';
        const again = err instanceof KubeStatusError ? err.status === 429 || err.status >= 500 : reset;
        if (!again || attempt >= 5) throw err;
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
  }

  private async once(method: string, path: string, opts: RequestOptions): Promise<{ status: number; body: unknown }> {
    const what = `${method} ${path.split('?')[0]}`;
    const options: https.RequestOptions = {};
    try {
      await this.kc.applyToHTTPSOptions(options);
    } catch (cause) {
      throw new ClusterError('bad-kubeconfig', `cannot get credentials from the kubeconfig: ${(cause as Error).message}`, { cause, request: what });
    }
    const url = new URL(this.server + path);
    const secure = url.protocol === 'https:';
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const signal = AbortSignal.timeout(this.timeoutMs);
    const req: https.RequestOptions = {
      ...options,
      agent: this.keepAliveAgent(options, secure),
      method,
      signal,
      headers: {
        ...(options.headers as Record<string, string>),
        Accept: opts.accept ?? 'application/json',
        'User-Agent': 'wheelhouse-lab',
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
          reject(new KubeStatusError(status, `${what}: ${status}${said ? ` ${said}` : ''}`, what));
        });
      });
      r.on('error', fail);
      r.end(payload);
    });
  }

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
    versions?: { version: string; freshness?: string; resources?: { resource: string; responseKind?: { kind?: string }; scope: string; verbs?: string[] }[] }[];
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
