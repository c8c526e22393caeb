import { describe, expect, it } from 'vitest';
import { sameObject } from '../../checker/index.ts';
import { RUN_STARTED_ANNOTATION, type KObject } from '../../checker/cluster/types.ts';
import { createContext } from '../../checker/checks/define.ts';
import { FakeCluster } from '../support/fake-cluster.ts';

const deployment = (uid: string): KObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'lab-00', uid } });
const event = (kind: string, name: string, uid: string): KObject => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: `${name}.${uid}`, namespace: 'lab-00' },
  involvedObject: { kind, name, uid, namespace: 'lab-00' },
});

describe('sameObject', () => {
  it('passes an object that every event names by its own uid', () => {
    const [o] = sameObject(deployment('a'), [event('Deployment', 'web', 'a'), event('Deployment', 'web', 'a')]);
    expect(o).toMatchObject({ path: 'metadata.uid', ok: true, found: 'a' });
  });

  it('fails an object re-created under the same name, expecting the first uid', () => {
    const [o] = sameObject(deployment('b'), [event('Deployment', 'web', 'a'), event('Deployment', 'web', 'b')]);
    expect(o).toMatchObject({ path: 'metadata.uid', ok: false, expected: 'a', found: 'b' });
    expect(o.subject).toMatchObject({ kind: 'Deployment', name: 'web' });
  });

  it('ignores events about other kinds and names, and events without a uid', () => {
    const events = [event('ReplicaSet', 'web', 'x'), event('Deployment', 'api', 'y'), { ...event('Deployment', 'web', ''), involvedObject: { kind: 'Deployment', name: 'web' } }];
    expect(sameObject(deployment('b'), events)[0].ok).toBe(true);
  });

  it('says nothing about a missing object (get has reported it)', () => {
    expect(sameObject(undefined, [event('Deployment', 'web', 'a')])).toEqual([]);
  });
});

describe('events in a namespace that a reset kept', () => {
  const lab = { id: 'lab-00', namespace: 'lab-00', tasks: [] } as unknown as Parameters<typeof createContext>[0];
  const at = (e: KObject, firstTimestamp: string): KObject => ({ ...e, firstTimestamp });
  const namespace = (started?: string): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab-00', annotations: started ? { [RUN_STARTED_ANNOTATION]: started } : {} } });
  const lastRun = at(event('Deployment', 'web', 'a'), '2026-12-07T10:00:03Z');
  const thisRun = at(event('Deployment', 'web', 'b'), '2026-12-07T10:00:05Z');

  it('are listed to checks only from when the run began: the last run\'s Deployment is not "replaced"', async () => {
    const { ctx } = createContext(lab, new FakeCluster({ objects: [namespace('2026-12-07T10:00:05Z'), lastRun, thisRun] }), true);
    const events = await ctx.list('v1', 'Event');
    expect(events.map((e) => e.involvedObject.uid)).toEqual(['b']);
    expect(sameObject(deployment('b'), events)[0].ok).toBe(true);
  });

  it('are all listed in a namespace that no reset kept (a new namespace holds only this run\'s)', async () => {
    const { ctx } = createContext(lab, new FakeCluster({ objects: [namespace(), lastRun, thisRun] }), true);
    const events = await ctx.list('v1', 'Event');
    expect(events).toHaveLength(2);
    expect(sameObject(deployment('b'), events)[0].ok).toBe(false);
  });
});
