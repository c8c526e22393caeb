// Partial-object matching, the way chainsaw asserts: the pattern names only the fields that
// matter, every leaf becomes an observation with its own path, and every mismatch is reported.
// Arrays need an explicit rule (some, every, exactly): "the containers" is ambiguous otherwise.
import type { KObject } from '../cluster/types.ts';
import { fieldPath, getCommand, type PathPart } from './kubectl.ts';
import { phrase, Phrase, type Observation, type Subject } from './observation.ts';

const MATCHER = Symbol('wheelhouse.matcher');
const LIST_SUBJECT = Symbol('wheelhouse.listSubject');

/** A rule for one value in a pattern. */
export interface Matcher {
  readonly [MATCHER]: true;
  /** A short, language-neutral sketch of the rule for use inside other messages: >=4, *, some({...}). */
  readonly token: string;
  /** Observations for `found` at `at`. */
  observe(found: unknown, at: Where): Observation[];
}

/** A pattern: plain values compare equal, objects compare field by field, matchers decide for themselves. */
export type Pattern = unknown;

/** Where a value sits: which object, which path. */
export interface Where {
  subject?: Subject;
  parts: PathPart[];
  settling: boolean;
}

export class AuthoringError extends Error {
  override name = 'AuthoringError';
}

export function isMatcher(value: unknown): value is Matcher {
  return typeof value === 'object' && value !== null && MATCHER in value;
}

/** The subject for an object read from the cluster. */
export function subjectOf(obj: KObject): Subject {
  return { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace };
}

/** Marks a list with the query that produced it, so observations about it can name it. */
export function tagList<T extends KObject[]>(items: T, subject: Subject): T {
  Object.defineProperty(items, LIST_SUBJECT, { value: subject, enumerable: false });
  return items;
}

export function listSubject(items: readonly KObject[]): Subject | undefined {
  return (items as { [LIST_SUBJECT]?: Subject })[LIST_SUBJECT];
}

/** Keeps the list's query tag through a filter. */
export function filterList(items: KObject[], keep: (o: KObject) => boolean): KObject[] {
  const subject = listSubject(items);
  const kept = items.filter(keep);
  return subject ? tagList(kept, subject) : kept;
}

/** The objects of a list that `owner` controls (by ownerReferences uid). */
export function ownedBy(items: KObject[], owner: KObject | undefined): KObject[] {
  if (!owner) return filterList(items, () => false);
  return filterList(items, (o) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid));
}

export interface MatchOptions {
  /** Treat the values as converging status (poll while they differ). Default: paths under status. */
  settling?: boolean;
}

/**
 * Compares an object (or a list from `list`, with some/every/exactly) with a partial pattern.
 * A missing object (undefined from `get`) gives no observations: `get` has already reported it.
 */
export function match(target: KObject | KObject[] | undefined, pattern: Pattern, opts: MatchOptions = {}): Observation[] {
  if (target === undefined) return [];
  if (Array.isArray(target)) {
    if (!isMatcher(pattern)) throw new AuthoringError('match(list, pattern): use some(...), every(...) or exactly([...]) to say how the items must match');
    return pattern.observe(target, { subject: listSubject(target), parts: [], settling: opts.settling ?? false });
  }
  return walk(target, pattern, { subject: subjectOf(target), parts: [], settling: opts.settling ?? false }, opts.settling === undefined);
}

function walk(found: unknown, pattern: Pattern, at: Where, autoSettling: boolean): Observation[] {
  const where = autoSettling && at.parts[0] === 'status' ? { ...at, settling: true } : at;
  if (isMatcher(pattern)) return pattern.observe(found, where);
  if (Array.isArray(pattern)) {
    throw new AuthoringError(`pattern at ${fieldPath(at.parts) || 'the top'}: use some(...), every(...) or exactly([...]) for a list`);
  }
  if (isPlainObject(pattern)) {
    const entries = Object.entries(pattern);
    if (entries.length === 0) return present().observe(found, where);
    const base = isPlainObject(found) ? found : undefined;
    return entries.flatMap(([key, sub]) => walk(base?.[key], sub, { ...where, parts: [...where.parts, key] }, autoSettling));
  }
  return [leaf(where, pattern, found, deepEqual(found, pattern))];
}

/** One observation about the value at `at`. */
export function leaf(at: Where, expected: unknown, found: unknown, ok: boolean): Observation {
  return {
    subject: at.subject,
    path: fieldPath(at.parts),
    expected,
    found,
    ok,
    ...(at.settling ? { settling: true } : {}),
    kubectl: at.subject ? getCommand(at.subject, at.parts) : undefined,
  };
}

function matcher(token: string, observe: (found: unknown, at: Where) => Observation[]): Matcher {
  return { [MATCHER]: true, token, observe };
}

/** A single-value rule: test + what it expects, in words (checks/values.ts builds on it). */
export function valueMatcher(token: string, expected: Phrase | unknown, test: (found: unknown) => boolean): Matcher {
  return matcher(token, (found, at) => [leaf(at, expected, found, test(found))]);
}

/**
 * A hand-made observation about an object or a list, for facts a pattern cannot express (a count
 * across EndpointSlices, say). `ok` defaults to deep equality of expected and found.
 */
export function observe(
  target: KObject | KObject[] | undefined,
  path: string,
  expected: unknown,
  found: unknown,
  opts: { ok?: boolean; settling?: boolean } = {},
): Observation[] {
  if (target === undefined) return [];
  const subject = Array.isArray(target) ? listSubject(target) : subjectOf(target);
  const ok = opts.ok ?? deepEqual(expected, found);
  return [{ subject, path, expected, found, ok, ...(opts.settling ? { settling: true } : {}), kubectl: subject ? getCommand(subject) : undefined }];
}

// --- list rules -------------------------------------------------------------------------------

/** At least one item matches the pattern. When none does, the closest item's mismatches are reported. */
export function some(pattern: Pattern): Matcher {
  return matcher(`some(${brief(pattern)})`, (found, at) => {
    if (!Array.isArray(found) || found.length === 0) {
      return [leaf(at, phrase('someItemLike', { pattern: brief(pattern) }), Array.isArray(found) ? phrase('noItems') : found, false)];
    }
    const tries = found.map((item, i) => itemObservations(item, i, pattern, at));
    const hit = tries.find((obs) => obs.every((o) => o.ok));
    if (hit) return hit;
    // Closest: most leaves right, then fewest wrong, then the first.
    const score = (obs: Observation[]) => obs.filter((o) => o.ok).length * 1000 - obs.filter((o) => !o.ok).length;
    return tries.reduce((best, obs) => (score(obs) > score(best) ? obs : best));
  });
}

/** Every item matches the pattern (an empty list passes; a missing one does not). */
export function every(pattern: Pattern): Matcher {
  return matcher(`every(${brief(pattern)})`, (found, at) => {
    if (!Array.isArray(found)) return [leaf(at, phrase('everyItemLike', { pattern: brief(pattern) }), found, false)];
    if (found.length === 0) return [leaf(at, phrase('everyItemLike', { pattern: brief(pattern) }), phrase('noItems'), true)];
    return found.flatMap((item, i) => itemObservations(item, i, pattern, at));
  });
}

/** Exactly these items, in this order, each matching its pattern. */
export function exactly(patterns: Pattern[]): Matcher {
  return matcher(`exactly(${brief(patterns)})`, (found, at) => {
    if (!Array.isArray(found)) return [leaf(at, phrase('itemCount', { count: patterns.length }), found, false)];
    const count = leaf(at, phrase('itemCount', { count: patterns.length }), phrase('itemCount', { count: found.length }), found.length === patterns.length);
    const pairs = patterns.slice(0, found.length).flatMap((p, i) => itemObservations(found[i], i, p, at));
    return [count, ...pairs];
  });
}

/** Items of a list from the cluster are objects of their own: name them, not list[3]. */
function itemObservations(item: unknown, index: number, pattern: Pattern, at: Where): Observation[] {
  if (at.parts.length === 0 && isKObject(item)) {
    return walk(item, pattern, { subject: subjectOf(item), parts: [], settling: at.settling }, !at.settling);
  }
  return walk(item, pattern, { ...at, parts: [...at.parts, index] }, false);
}

// --- value rules ------------------------------------------------------------------------------

/** A number (or numeric string, like an annotation) of at least `n`. */
export function atLeast(n: number): Matcher {
  return valueMatcher(`>=${n}`, phrase('atLeast', { value: n }), (v) => toNumber(v) !== undefined && toNumber(v)! >= n);
}

export function atMost(n: number): Matcher {
  return valueMatcher(`<=${n}`, phrase('atMost', { value: n }), (v) => toNumber(v) !== undefined && toNumber(v)! <= n);
}

export function oneOf(...values: unknown[]): Matcher {
  // One choice reads as that value ("expected wheelhouse-control-plane"), not as a choice of one.
  if (values.length === 1) return valueMatcher(brief(values[0]), values[0], (v) => deepEqual(v, values[0]));
  return valueMatcher(values.map((v) => brief(v)).join('|'), phrase('oneOf', { values: values.map((v) => brief(v)).join(', ') }), (v) => values.some((x) => deepEqual(v, x)));
}

/** Any value at all (not undefined, not null, not an empty string). */
export function present(): Matcher {
  return valueMatcher('*', phrase('present'), (v) => v !== undefined && v !== null && v !== '');
}

/** No value: the field is not set. */
export function absent(): Matcher {
  return valueMatcher('(none)', phrase('absent'), (v) => v === undefined || v === null);
}

/** A string matching a regular expression. */
export function matching(re: RegExp): Matcher {
  return valueMatcher(String(re), phrase('matching', { pattern: String(re) }), (v) => typeof v === 'string' && re.test(v));
}

/** Anything but this value (which may itself be a pattern). */
export function not(pattern: Pattern): Matcher {
  return matcher(`!${brief(pattern)}`, (found, at) => {
    const inner = walk(found, pattern, at, false);
    const matched = inner.length > 0 && inner.every((o) => o.ok);
    return [leaf(at, phrase('not', { value: brief(pattern) }), found, !matched)];
  });
}

// --- helpers ----------------------------------------------------------------------------------

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Phrase) && !isMatcher(v);
}

function isKObject(v: unknown): v is KObject {
  return isPlainObject(v) && typeof v.kind === 'string' && isPlainObject(v.metadata) && typeof v.metadata.name === 'string';
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** A short text for a pattern, used inside phrases: {image: nginx:1.27}. */
export function brief(pattern: Pattern): string {
  if (isMatcher(pattern)) return pattern.token;
  if (typeof pattern === 'string') return pattern;
  if (Array.isArray(pattern)) return `[${pattern.map(brief).join(', ')}]`;
  if (isPlainObject(pattern)) {
    return `{${Object.entries(pattern)
      .map(([k, v]) => `${k}: ${brief(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(pattern) ?? String(pattern);
}
