import { describe, expect, it } from 'vitest';
import { sameObject } from '../../checker/index.ts';
import type { KObject } from '../../checker/cluster/types.ts';

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
