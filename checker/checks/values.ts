// Values that have more than one spelling, compared by what they mean (../shared/GRADING.md, 6):
// an image reference (nginx:1.27 is docker.io/library/nginx:1.27) and a resource quantity
// (0.5 is 500m, 134217728 is 128Mi; the API server keeps a plain number of bytes as it was written).
import { valueMatcher, type Matcher } from './match.ts';

export interface ImageRef {
  registry: string;
  repository: string;
  /** latest when neither tag nor digest is given, as Docker reads it. */
  tag?: string;
  digest?: string;
}

/** Docker's reading of an image reference: nginx → docker.io/library/nginx:latest. */
export function parseImage(ref: string): ImageRef {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) [rest, digest] = [rest.slice(0, at), rest.slice(at + 1)];
  let registry = 'docker.io';
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  // The first component names a registry when it looks like a host: a dot, a port, or localhost.
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first === 'index.docker.io' || first === 'registry-1.docker.io' ? 'docker.io' : first;
    rest = rest.slice(slash + 1);
  }
  const colon = rest.lastIndexOf(':');
  let tag: string | undefined;
  if (colon > rest.lastIndexOf('/')) [rest, tag] = [rest.slice(0, colon), rest.slice(colon + 1)];
  if (registry === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  return { registry, repository: rest, tag: tag ?? (digest ? undefined : 'latest'), ...(digest ? { digest } : {}) };
}

/** Two references name the same image: same registry, repository, tag and digest after Docker's defaults. */
export function sameImage(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const [x, y] = [parseImage(a), parseImage(b)];
  return x.registry === y.registry && x.repository === y.repository && x.tag === y.tag && x.digest === y.digest;
}

/** The image `ref`, however it is spelled (docker.io/library/nginx:1.27 for nginx:1.27); nginx alone is nginx:latest. */
export function image(ref: string): Matcher {
  return valueMatcher(ref, ref, (found) => sameImage(found, ref));
}

const SUFFIXES: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** A Kubernetes quantity as a number (500m → 0.5, 128Mi → 134217728, 1e3 → 1000); undefined when it is not one. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|([a-zA-Z]*))$/.exec(value.trim());
  if (!m) return undefined;
  if (m[2]) return Number(m[1] + m[2]);
  const factor = SUFFIXES[m[3] ?? ''];
  return factor === undefined ? undefined : Number(m[1]) * factor;
}

/** Two quantities are equal in value (0.1 and 100m, 134217728 and 128Mi), whatever their units. */
export function sameQuantity(a: unknown, b: unknown): boolean {
  const [x, y] = [parseQuantity(a), parseQuantity(b)];
  if (x === undefined || y === undefined) return false;
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}

/** A quantity equal in value to `q`, in any unit: quantity('128Mi') accepts 134217728, not 128M. */
export function quantity(q: string | number): Matcher {
  return valueMatcher(`=${q}`, q, (found) => sameQuantity(found, q));
}
