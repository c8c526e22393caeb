// How a lab's checks.ts is written and loaded: one check per task id, each a function of a
// CheckContext that reads the cluster (bound to the lab's namespace) and returns observations.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RUN_STARTED_ANNOTATION, eventTime, type ClusterReader, type DryRunOptions, type KObject } from '../cluster/types.ts';
import { builtInResource } from '../cluster/resources.ts';
import { LabError, type LoadedLab } from '../lab/load.ts';
import { displayPath } from '../core/paths.ts';
import { reviewSpec, type AccessSubject } from './access.ts';
import { canICommand, getCommand, subjectName } from './kubectl.ts';
import { subjectOf, tagList } from './match.ts';
import { canReach } from './network-policy.ts';
import { phrase, type Observation, type Observations, type Subject } from './observation.ts';

export interface GetOptions {
  /** Another namespace than the lab's. Ignored for cluster-scoped kinds. */
  namespace?: string;
}

export interface ListOptions {
  namespace?: string;
  /** List across all namespaces (NetworkPolicies of every namespace, say). */
  allNamespaces?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface AccessOptions {
  /** Namespace of the request; default the lab's. Use `clusterWide: true` for cluster-scoped resources. */
  namespace?: string;
  clusterWide?: boolean;
  name?: string;
}

export interface CheckContext {
  lab: LoadedLab;
  /** The lab's namespace (lab.yaml `namespace`, else the lab id). */
  namespace: string;
  /** The cluster simulates its nodes (kwok): no containers run. */
  simulated: boolean;
  /** The API server's version, e.g. v1.37.0 (what `kubectl version` prints as Server Version). */
  serverVersion(): Promise<string>;
  /**
   * One object. NotFound means "not yet": the task fails with "deployment/web: not found yet" and
   * the command to look; helpers given `undefined` add nothing more. Use `find` to test absence.
   */
  get(apiVersion: string, kind: string, name: string, opts?: GetOptions): Promise<KObject | undefined>;
  /** Like get, but a missing object is not reported: for checks that want something gone. */
  find(apiVersion: string, kind: string, name: string, opts?: GetOptions): Promise<KObject | undefined>;
  /** Objects of a kind in the lab's namespace (or as `opts` say). The list remembers its query for messages. */
  list(apiVersion: string, kind: string, opts?: ListOptions): Promise<KObject[]>;
  /** The subject may do this (a SubjectAccessReview, as `kubectl auth can-i --as`). */
  can(subject: AccessSubject, verb: string, resource: string, opts?: AccessOptions): Promise<Observation>;
  /** The subject may not do this. */
  cannot(subject: AccessSubject, verb: string, resource: string, opts?: AccessOptions): Promise<Observation>;
  /**
   * The API server admits this object (or, with `expect: false`, refuses it): a server-side dry run
   * of a create in the lab's namespace, through quota, LimitRange, Pod Security, admission policies
   * and validation. Nothing is stored. For tasks like "a Pod with an untagged image is refused".
   * `operation: 'update'` dry-runs a PUT of an existing object instead (`subresource` for one of
   * its subresources, e.g. ephemeralcontainers, which is how `kubectl debug` adds a container);
   * `operation: 'delete'` a deletion of the object named.
   */
  admits(obj: KObject, opts?: { expect?: boolean; namespace?: string; settling?: boolean } & DryRunOptions): Promise<Observation>;
  /** NetworkPolicies let Pod `from` open a connection to Pod `to` on `port` (or, with expect false, do not). */
  reach(from: KObject | undefined, to: KObject | undefined, port: number, opts?: { protocol?: 'TCP' | 'UDP' | 'SCTP'; expect?: boolean }): Promise<Observation[]>;
}

export type Check = (ctx: CheckContext) => Promise<Observations> | Observations;
export type Checks = Record<string, Check>;

/** Declares a lab's checks, keyed by the task ids of its lab.yaml. */
export function defineChecks<const T extends Checks>(checks: T): T {
  return checks;
}

/** A fresh context for one sample of one task; `missing` collects what `get` did not find. */
export function createContext(lab: LoadedLab, reader: ClusterReader, simulated: boolean): { ctx: CheckContext; missing: Observation[] } {
  const missing: Observation[] = [];
  const namespaceFor = (apiVersion: string, kind: string, ns: string | undefined) =>
    builtInResource(apiVersion, kind)?.namespaced === false ? undefined : (ns ?? lab.namespace);

  const find: CheckContext['find'] = (apiVersion, kind, name, opts = {}) => reader.get(apiVersion, kind, name, namespaceFor(apiVersion, kind, opts.namespace));

  const ctx: CheckContext = {
    lab,
    namespace: lab.namespace,
    simulated,
    serverVersion: () => reader.serverVersion(),
    find,
    async get(apiVersion, kind, name, opts = {}) {
      const obj = await find(apiVersion, kind, name, opts);
      if (!obj) {
        const subject: Subject = { apiVersion, kind, name, namespace: namespaceFor(apiVersion, kind, opts.namespace) };
        if (!missing.some((m) => m.subject && subjectName(m.subject) === subjectName(subject))) {
          missing.push({ subject, path: '', expected: phrase('exists'), found: phrase('notFoundYet'), ok: false, kubectl: getCommand(subject) });
        }
      }
      return obj;
    },
    async list(apiVersion, kind, opts = {}) {
      const namespace = opts.allNamespaces ? undefined : namespaceFor(apiVersion, kind, opts.namespace);
      let items = await reader.list(apiVersion, kind, { namespace, labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector });
      // Events of a namespace that a reset kept are this run's only from when the run began.
      if (kind === 'Event' && namespace) {
        const started = Date.parse(String((await reader.get('v1', 'Namespace', namespace))?.metadata.annotations?.[RUN_STARTED_ANNOTATION] ?? ''));
        if (Number.isFinite(started)) items = items.filter((e) => !(eventTime(e) < started));
      }
      return tagList(items, { apiVersion, kind, namespace, labelSelector: opts.labelSelector, list: true });
    },
    async admits(obj, opts = {}) {
      const expect = opts.expect ?? true;
      const namespace = namespaceFor(obj.apiVersion, obj.kind, opts.namespace);
      const operation = opts.operation ?? 'create';
      const dryRun: DryRunOptions = operation === 'create' ? {} : { operation, ...(opts.subresource ? { subresource: opts.subresource } : {}) };
      const answer = await reader.admits(obj, namespace, ...(operation === 'create' ? [] : [dryRun]));
      const subject: Subject = { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, namespace };
      const ns = namespace ? ` -n ${namespace}` : '';
      const sub = opts.subresource ? ` --subresource=${opts.subresource}` : '';
      return {
        subject: { label: `dry run: ${subjectName(subject)}${opts.subresource ? `/${opts.subresource}` : ''}` },
        path: operation === 'create' ? 'create --dry-run=server' : operation === 'update' ? `replace${sub} --dry-run=server` : 'delete --dry-run=server',
        expected: phrase(expect ? 'admitted' : 'refused'),
        found: answer.allowed ? phrase('admitted') : phrase('refusedBecause', { message: answer.message ?? String(answer.status) }),
        ok: answer.allowed === expect,
        // settling: the answer may still change (a quota filling up): poll until the deadline.
        ...(opts.settling ? { settling: true } : {}),
        kubectl:
          operation === 'create'
            ? `kubectl create --dry-run=server -f <${obj.kind.toLowerCase()}.yaml>${ns}`
            : operation === 'update'
              ? `kubectl replace${sub} --dry-run=server -f <${obj.kind.toLowerCase()}.yaml>${ns}`
              : `kubectl delete ${subjectName(subject)} --dry-run=server${ns}`,
      };
    },
    can: (subject, verb, resource, opts) => access(true, subject, verb, resource, opts),
    cannot: (subject, verb, resource, opts) => access(false, subject, verb, resource, opts),
    async reach(from, to, port, opts = {}) {
      if (!from || !to) return [];
      const [policies, namespaces] = await Promise.all([reader.list('networking.k8s.io/v1', 'NetworkPolicy'), reader.list('v1', 'Namespace')]);
      const answer = canReach({ from, to, port, protocol: opts.protocol, policies, namespaces });
      const expect = opts.expect ?? true;
      const blocked = !answer.egress.allowed ? answer.egress : answer.ingress;
      const direction = !answer.egress.allowed ? 'egress' : 'ingress';
      return [
        {
          subject: { label: `${subjectName(subjectOf(from))} → ${subjectName(subjectOf(to))}:${port}` },
          path: 'networkpolicy',
          expected: expect ? phrase('reachable') : phrase('blocked', { by: 'NetworkPolicy' }),
          found: answer.allowed ? phrase('reachable') : phrase('blockedNoRule', { direction, policies: blocked.policies.join(', ') }),
          ok: answer.allowed === expect,
          kubectl: `kubectl get networkpolicy -A`,
        },
      ];
    },
  };

  async function access(expect: boolean, subject: AccessSubject, verb: string, resource: string, opts: AccessOptions = {}): Promise<Observation> {
    const namespace = opts.clusterWide ? undefined : (opts.namespace ?? lab.namespace);
    const spec = reviewSpec(subject, { verb, resource, namespace, name: opts.name }, lab.namespace);
    const { allowed } = await reader.accessReview(spec);
    const target = `${resource}${opts.name ? `/${opts.name}` : ''}`;
    return {
      subject: { label: spec.user! },
      path: `can-i ${verb} ${target}${namespace ? ` -n ${namespace}` : ''}`,
      expected: phrase(expect ? 'allowed' : 'denied'),
      found: phrase(allowed ? 'allowed' : 'denied'),
      ok: allowed === expect,
      kubectl: canICommand(spec.user!, verb, resource, namespace, opts.name),
    };
  }

  return { ctx, missing };
}

/** Imports labs/lab-NN-x/checks.ts and makes sure it has exactly one check per task. */
export async function loadChecks(lab: LoadedLab): Promise<Checks> {
  const file = join(lab.dir, 'checks.ts');
  const shown = displayPath(file);
  if (!existsSync(file)) throw new LabError('malformed', `${shown} is missing: every lab grades its tasks there (copy labs/_template/checks.ts).`, { file });
  let mod: { default?: unknown };
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (cause) {
    throw new LabError('malformed', `${shown} cannot be loaded: ${(cause as Error).message}`, { file, cause });
  }
  const checks = mod.default;
  if (typeof checks !== 'object' || checks === null) throw new LabError('malformed', `${shown} must \`export default defineChecks({ ... })\`.`, { file });
  const problems = checkKeyProblems(lab, checks as Checks);
  if (problems.length) throw new LabError('malformed', `${shown}: ${problems.join('; ')}.`, { file });
  return checks as Checks;
}

/** Tasks without a check and checks without a task, in words. */
export function checkKeyProblems(lab: LoadedLab, checks: Checks): string[] {
  const tasks = lab.tasks.map((t) => t.id);
  const keys = Object.keys(checks);
  const problems: string[] = [];
  for (const t of tasks) if (!keys.includes(t)) problems.push(`task "${t}" has no check`);
  for (const k of keys) {
    if (!tasks.includes(k)) problems.push(`check "${k}" matches no task in lab.yaml`);
    else if (typeof checks[k] !== 'function') problems.push(`check "${k}" is not a function`);
  }
  return problems;
}
