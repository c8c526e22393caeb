// What a check returns: observations. A check says what it looked at, what it expected and what
// it found; the engine decides the outcome and the reporters word the message in the learner's
// language. Prose never lives in a check: it is a Phrase, a key into checker/i18n.ts.
import type { MessageKey, MessageParams } from '../core/i18n.ts';

/** Words to be said in the learner's language (a key of the messages table and its parameters). */
export class Phrase<K extends MessageKey = MessageKey> {
  readonly key: K;
  readonly params: MessageParams<K>;
  constructor(key: K, params: MessageParams<K>) {
    this.key = key;
    this.params = params;
  }
}

export function phrase<K extends MessageKey>(key: K, ...params: MessageParams<K> extends Record<string, never> ? [] : [MessageParams<K>]): Phrase<K> {
  return new Phrase(key, (params[0] ?? {}) as MessageParams<K>);
}

/** What an observation is about: one object, a list query, or a free label (an access review). */
export type Subject =
  | { apiVersion: string; kind: string; name: string; namespace?: string }
  | { apiVersion: string; kind: string; namespace?: string; labelSelector?: string; list: true }
  | { label: string };

export interface Observation {
  /** The object, list or question this is about. */
  subject?: Subject;
  /** Field path inside the subject, as kubectl's jsonpath would name it: spec.replicas, metadata.labels["app"]. */
  path: string;
  /** What the check wanted: a JSON value or a Phrase. */
  expected: unknown;
  /** What the cluster showed: a JSON value, a Phrase, or undefined for nothing. */
  found: unknown;
  ok: boolean;
  /**
   * The value is status that controllers are still converging (a rollout, a Pod becoming ready):
   * when it is the only thing wrong, the engine looks again about once a second until the deadline.
   */
  settling?: boolean;
  /** The command that shows this value, for the learner to run. */
  kubectl?: string;
}

/** What a check may return: observations, possibly nested in arrays, with undefined ignored. */
export type Observations = Observation | undefined | readonly Observations[];

export function flatten(o: Observations): Observation[] {
  if (o === undefined) return [];
  if (Array.isArray(o)) return (o as readonly Observations[]).flatMap(flatten);
  return [o as Observation];
}

