// An in-memory KubeApi for unit tests of the lifecycle's cluster logic (the marker, node
// restores): objects live under their REST paths. Cluster tests use a real API server.
import type { KObject } from '../../checker/cluster/types.ts';
import { type DeleteResult, type KubeApi, type PatchType } from '../../checker/lifecycle/kube-api.ts';
import { type ResourceType } from '../../checker/cluster/transport.ts';
import { KubeStatusError } from '../../checker/core/errors.ts';

export class FakeKubeApi implements KubeApi {
  readonly server = 'https://fake.invalid:6443';
  readonly objects = new Map<string, KObject>();
  /** Every write, as "METHOD path", for assertions. */
  readonly writes: string[] = [];
  types: ResourceType[] = [];
  closed = false;

  constructor(objects: Record<string, KObject> = {}) {
    for (const [path, o] of Object.entries(objects)) this.objects.set(path, structuredClone(o));
  }

  async version(): Promise<string> {
    return 'v1.37.0';
  }

  async get(path: string): Promise<KObject | undefined> {
    const o = this.objects.get(path);
    return o && structuredClone(o);
  }

  async list(path: string, query: Record<string, string> = {}): Promise<KObject[]> {
    const depth = path.split('/').length + 1;
    return [...this.objects.entries()]
      .filter(([p]) => p.startsWith(`${path}/`) && p.split('/').length === depth)
      .map(([, o]) => structuredClone(o))
      .filter((o) => matches(o, query.labelSelector));
  }

  async create(path: string, body: KObject): Promise<KObject> {
    const at = `${path}/${body.metadata.name}`;
    this.writes.push(`POST ${at}`);
    if (this.objects.has(at)) throw new KubeStatusError(409, `POST ${path}: 409 AlreadyExists`, `POST ${path}`);
    this.objects.set(at, structuredClone(body));
    return body;
  }

  async replace(path: string, body: KObject): Promise<KObject> {
    this.writes.push(`PUT ${path}`);
    if (!this.objects.has(path)) throw new KubeStatusError(404, `PUT ${path}: 404 NotFound`, `PUT ${path}`);
    this.objects.set(path, structuredClone(body));
    return body;
  }

  async patch(path: string, body: unknown, type: PatchType = 'merge'): Promise<KObject> {
    this.writes.push(`PATCH ${path}`);
    if (type !== 'merge') throw new Error('FakeKubeApi: only merge patches');
    const current = this.objects.get(path);
    if (!current) throw new KubeStatusError(404, `PATCH ${path}: 404 NotFound`, `PATCH ${path}`);
    const next = mergePatch(current, body) as KObject;
    this.objects.set(path, next);
    return structuredClone(next);
  }

  async delete(path: string): Promise<DeleteResult> {
    this.writes.push(`DELETE ${path}`);
    return this.objects.delete(path) ? 'deleted' : 'absent';
  }

  async resources(): Promise<ResourceType[]> {
    return this.types;
  }

  close(): void {
    this.closed = true;
  }
}

/** RFC 7386 JSON merge patch: objects merge, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Equality (k=v) and existence (k) requirements, comma-separated: all the lifecycle uses. */
export function matches(o: KObject, selector: string | undefined): boolean {
  if (!selector) return true;
  const labels = o.metadata.labels ?? {};
  return selector.split(',').every((req) => {
    const [k, v] = req.split('=');
    return v === undefined ? k in labels : labels[k] === v;
  });
}
