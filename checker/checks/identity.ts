// "Fix it in place" (../shared/GRADING.md, 4): the object is the one the lab started with, not
// deleted and created again under the same name. A re-created object has a new metadata.uid, and
// the events the controllers and the scheduler wrote about the first one still name the old uid
// (the checks see only this run's events: a lab's namespace starts empty, or a reset emptied it and
// marked when the run began, checker/cluster/types.ts RUN_STARTED_ANNOTATION).
import type { KObject } from '../cluster/types.ts';
import { observe } from './match.ts';
import type { Observation } from './observation.ts';

/** The uids other than obj's that events name for an object of obj's kind and name. */
export function replacedUids(obj: KObject, events: readonly KObject[]): string[] {
  const uids = events
    .map((e) => e.involvedObject as { kind?: string; name?: string; uid?: string } | undefined)
    .filter((o) => o?.kind === obj.kind && o.name === obj.metadata.name && o.uid && o.uid !== obj.metadata.uid)
    .map((o) => o!.uid!);
  return [...new Set(uids)];
}

/**
 * The object was changed in place: no event names an earlier object of its kind and name.
 * `events` are the namespace's Events (a fieldSelector on involvedObject.name is enough). Needs an
 * object that something writes events about (Pods, workloads, Jobs); for others it cannot tell.
 * Fails with metadata.uid: expected the first object's uid, found the new one.
 */
export function sameObject(obj: KObject | undefined, events: readonly KObject[]): Observation[] {
  if (!obj) return [];
  const earlier = replacedUids(obj, events);
  return observe(obj, 'metadata.uid', earlier[0] ?? obj.metadata.uid, obj.metadata.uid, { ok: earlier.length === 0 });
}
