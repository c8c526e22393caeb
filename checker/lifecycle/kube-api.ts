// The read-write view of the transport (checker/cluster/transport.ts): the lifecycle's way to
// change a cluster in process. The checker reads through checker/cluster/client.ts and never
// writes; `lab reset` must be fast (the test suite runs it hundreds of times), so sweeping a lab
// away is done here with parallel requests rather than one kubectl process per step. Setup files
// and solution scripts still go through kubectl, as a learner's would.
import { type KObject } from '../cluster/types.ts';
import { openTransport, type ResourceType, type Transport } from '../cluster/transport.ts';

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

export interface KubeApiOptions {
  kubeconfig: string;
  /** A context of the kubeconfig other than its current one. */
  context?: string;
  /** Per-request timeout (default: the transport's REQUEST_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** Reads the kubeconfig; does not contact the server. Requests the server answers "not now" are sent again. */
export async function connectApi(opts: KubeApiOptions): Promise<KubeApi> {
  return new HttpKubeApi(await openTransport({ ...opts, retry: true }));
}

class HttpKubeApi implements KubeApi {
  readonly server: string;
  private readonly t: Transport;

  constructor(t: Transport) {
    this.t = t;
    this.server = t.server;
  }

  version(): Promise<string> {
    return this.t.version();
  }

  async get(path: string): Promise<KObject | undefined> {
    const res = await this.t.request('GET', path, { allow404: true });
    return res.status === 404 ? undefined : (res.body as KObject);
  }

  list(path: string, query: Record<string, string> = {}): Promise<KObject[]> {
    return this.t.list<KObject>(path, query);
  }

  async create(path: string, body: object): Promise<KObject> {
    return (await this.t.request('POST', path, { body })).body as KObject;
  }

  async replace(path: string, body: object): Promise<KObject> {
    return (await this.t.request('PUT', path, { body })).body as KObject;
  }

  async patch(path: string, body: unknown, type: PatchType = 'merge'): Promise<KObject> {
    const contentType = type === 'merge' ? 'application/merge-patch+json' : 'application/json-patch+json';
    return (await this.t.request('PATCH', path, { body, contentType })).body as KObject;
  }

  async delete(path: string, query: Record<string, string> = {}): Promise<DeleteResult> {
    const q = new URLSearchParams(query).toString();
    const res = await this.t.request('DELETE', q ? `${path}?${q}` : path, { allow404: true });
    if (res.status === 404) return 'absent';
    // The answer is a Status when the object is gone, or the object itself: still there if it has a deletionTimestamp.
    return (res.body as KObject).metadata?.deletionTimestamp ? 'pending' : 'deleted';
  }

  resources(): Promise<ResourceType[]> {
    return this.t.resources();
  }

  close(): void {
    this.t.close();
  }
}
