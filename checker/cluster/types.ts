// The one narrow interface between the checker and a cluster. The engine and the checks see only
// this: the real implementation (client.ts) talks HTTPS to an API server, the fake one (test/support/fake-cluster.ts)
// answers from fixtures in unit tests.

/** A Kubernetes object as JSON. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
    [key: string]: unknown;
  };
  // Objects are read, never typed field by field: checks match partial shapes.
  [key: string]: any;
}

export interface ListOptions {
  /** Namespace to list in; undefined lists cluster-scoped kinds, or all namespaces for namespaced kinds. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** authorization.k8s.io/v1 SubjectAccessReviewSpec, the parts the checker uses. */
export interface SubjectAccessReviewSpec {
  user?: string;
  groups?: string[];
  resourceAttributes?: {
    namespace?: string;
    verb: string;
    group?: string;
    version?: string;
    resource: string;
    subresource?: string;
    name?: string;
  };
  nonResourceAttributes?: { path: string; verb: string };
}

export interface AdmissionAnswer {
  allowed: boolean;
  /** The HTTP status of a refusal (403 Forbidden, 422 Invalid …) and the server's message. */
  status?: number;
  message?: string;
}

/** What a dry run asks: a create (the default), an update of an existing object (or of one of its subresources), or a delete. */
export interface DryRunOptions {
  operation?: 'create' | 'update' | 'delete';
  /** With update: the subresource written, e.g. ephemeralcontainers (kubectl debug) or resize. */
  subresource?: string;
}

export interface ClusterReader {
  /** One object; undefined when it does not exist (NotFound means "not yet", not an error). */
  get(apiVersion: string, kind: string, name: string, namespace?: string): Promise<KObject | undefined>;
  /** Objects of a kind; an empty list when none exist or the kind is not installed (yet). */
  list(apiVersion: string, kind: string, opts?: ListOptions): Promise<KObject[]>;
  /** Asks the API server whether a subject may do something (creates a SubjectAccessReview; nothing else is written). */
  accessReview(spec: SubjectAccessReviewSpec): Promise<{ allowed: boolean; reason?: string }>;
  /**
   * Would the API server accept this object? A create with `dryRun=All`: authentication,
   * authorization, admission (quota, LimitRange, Pod Security, admission policies, webhooks) and
   * validation all run; nothing is stored. A refusal is an answer, not an error. With `opts`, the
   * dry run is an update (PUT, of the object or a subresource) or a delete of the object named.
   */
  admits(obj: KObject, namespace?: string, opts?: DryRunOptions): Promise<AdmissionAnswer>;
  /** The server's gitVersion, e.g. v1.37.0. Also the cheapest "is it there and do I get in" probe. */
  serverVersion(): Promise<string>;
  /** Where the reader points, for messages (e.g. https://127.0.0.1:6443). */
  readonly server: string;
}

/** The annotation kwok puts on the nodes it simulates: such a cluster has no real containers. */
export const SIMULATED_NODE_ANNOTATION = 'kwok.x-k8s.io/node';

/**
 * On a lab namespace that `lab reset` emptied in place: when the lab's current run began (server
 * time). Events that happened before it are about the last run's objects, never this one's.
 */
export const RUN_STARTED_ANNOTATION = 'wheelhouse.dev/run-started';

/** When an Event happened (its own time, else when it was stored), in ms; NaN if it says nothing. */
export function eventTime(e: KObject): number {
  const t = e.eventTime ?? e.firstTimestamp ?? e.deprecatedFirstTimestamp ?? e.metadata.creationTimestamp;
  return Date.parse(String(t ?? ''));
}

export async function isSimulated(reader: ClusterReader): Promise<boolean> {
  const nodes = await reader.list('v1', 'Node');
  return nodes.some((n) => n.metadata.annotations?.[SIMULATED_NODE_ANNOTATION] === 'fake');
}
