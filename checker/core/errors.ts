// What can go wrong, in one place: a cluster that cannot answer (ClusterError, from the transport)
// and a lifecycle step that cannot go on (LifecycleError), each with the exit code the commands
// end with: 0 ok, 1 failed (a step or a lab is broken), 2 cannot reach or refused cluster (or a
// missing tool: nothing was changed), 64 usage.
import { say, type Lang, type MessageKey, type MessageParams } from './i18n.ts';

export type ClusterErrorCode =
  | 'no-kubeconfig' // the kubeconfig file is missing or unreadable
  | 'bad-kubeconfig' // it is there but cannot be used
  | 'unreachable' // connection refused, DNS, TLS handshake failed
  | 'timeout' // no answer within the per-request timeout
  | 'unauthorized' // 401: the credentials are not accepted
  | 'forbidden' // 403: the credentials may not read this
  | 'server'; // 5xx, 429 or an unexpected answer

/**
 * The cluster could not answer. Never a learner's mistake: the engine reports outcome "error".
 * `message` is safe to show (no headers, no tokens).
 */
export class ClusterError extends Error {
  readonly code: ClusterErrorCode;
  /** Worth trying again within the deadline (the server may be restarting or busy). */
  readonly transient: boolean;
  /** The request that failed, e.g. "GET /apis/apps/v1/namespaces/lab-07/deployments/web". */
  readonly request?: string;
  constructor(code: ClusterErrorCode, message: string, opts: { request?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'ClusterError';
    this.code = code;
    this.request = opts.request;
    this.transient = code === 'timeout' || code === 'unreachable' || code === 'server';
  }
}

/** The API server answered with an error status (409 Conflict, 422 Invalid, 403 …): `status` tells them apart. */
export class KubeStatusError extends ClusterError {
  readonly status: number;
  /** The message of the server's Status object, written for people. */
  readonly said: string | undefined;
  constructor(status: number, message: string, request: string, said?: string) {
    super(status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'server', message, { request });
    this.status = status;
    this.said = said;
  }
}

export type LifecycleErrorCode =
  | 'usage' // bad input on the command line
  | 'no-cluster' // nothing to work on: run `lab up`
  | 'unreachable' // the cluster does not answer (or rejects the credentials)
  | 'refused' // the cluster is not Wheelhouse's own
  | 'missing-tool' // kind, Docker, kwokctl or kubectl is not there
  | 'broken-lab' // the lab's files have a problem (a bug in the lab)
  | 'failed'; // a step failed

/**
 * The one exit-code table of `npm run check` and `npm run lab`: 0 ok (every task passes), 1 failed
 * (a task fails, a step or a lab's script failed), 2 cannot work on the cluster (none, unreachable,
 * refused, denied, a missing tool, a lab that cannot be graded), 64 usage.
 */
export const EXIT = { ok: 0, failed: 1, cluster: 2, usage: 64 } as const;

const exitFor: Record<LifecycleErrorCode, number> = {
  usage: EXIT.usage,
  'no-cluster': EXIT.cluster,
  unreachable: EXIT.cluster,
  refused: EXIT.cluster,
  'missing-tool': EXIT.cluster,
  'broken-lab': EXIT.failed,
  failed: EXIT.failed,
};

/** A lifecycle problem, worded from the messages table so the CLI can say it in either language. */
export class LifecycleError<K extends MessageKey = MessageKey> extends Error {
  readonly code: LifecycleErrorCode;
  readonly key: K;
  readonly params: MessageParams<K>;
  constructor(code: LifecycleErrorCode, key: K, params: MessageParams<K>, opts: { cause?: unknown } = {}) {
    super(say('en', key, params), { cause: opts.cause });
    this.name = 'LifecycleError';
    this.code = code;
    this.key = key;
    this.params = params;
  }
  get exitCode(): number {
    return exitFor[this.code];
  }
  say(lang: Lang): string {
    return say(lang, this.key, this.params);
  }
}

/**
 * A cluster that cannot be talked to, as a lifecycle error (exit 2) with what to do. A cluster that
 * answers 401 or 403 is reachable, and refuses: not "unreachable", which would let `down` delete
 * a cluster of the record's name on the provider's word alone (#14).
 */
export function fromClusterError(err: ClusterError): LifecycleError {
  if (err.code === 'no-kubeconfig') return new LifecycleError('no-cluster', 'errNoKubeconfig', { message: err.message }, { cause: err });
  if (err.code === 'unauthorized' || err.code === 'forbidden') return new LifecycleError('refused', 'errDenied', { message: err.message }, { cause: err });
  return new LifecycleError('unreachable', 'errUnreachable', { message: err.message }, { cause: err });
}

/** Runs a step and turns cluster errors into lifecycle errors. */
export async function talking<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ClusterError) throw fromClusterError(err);
    throw err;
  }
}
