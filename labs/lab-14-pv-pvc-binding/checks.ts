// Checks for lab-14. Binding is read from both sides (the claim names pv-1, the volume's claimRef
// names the claim) and the volume must be the one the storage team made: a claim "fixed" by
// bending the volume to fit, or a new claim that a StorageClass provisioned instead, does not pass.
// The Pods are graded from their specs (which claim, where it is mounted, which file the command
// touches); that the file really outlived its writer is graded on real nodes only.
import { defineChecks, exactly, match, observe, podReady, some, type KObject, type Observation } from '../../checker/index.ts';

/** Where a Pod mounts the claim data, or undefined. */
function claimMount(pod: KObject): string | undefined {
  const volumes: { name: string; persistentVolumeClaim?: { claimName: string } }[] = pod.spec?.volumes ?? [];
  const names = volumes.filter((v) => v.persistentVolumeClaim?.claimName === 'data').map((v) => v.name);
  for (const c of pod.spec?.containers ?? []) {
    const m = (c.volumeMounts ?? []).find((vm: { name: string }) => names.includes(vm.name));
    if (m) return String(m.mountPath).replace(/\/+$/, '') || '/';
  }
  return undefined;
}

/** What the Pod's claims are, in words, for a Pod that does not use data. */
function claimsOf(pod: KObject): string {
  const claims = (pod.spec?.volumes ?? []).flatMap((v: { persistentVolumeClaim?: { claimName: string } }) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []));
  return claims.length ? `claim ${claims.join(', ')}${claims.includes('data') ? ' (not mounted in a container)' : ''}` : 'no claim';
}

const commandOf = (pod: KObject) => (pod.spec?.containers ?? []).map((c: { command?: string[]; args?: string[] }) => [...(c.command ?? []), ...(c.args ?? [])].join(' ')).join('; ');

/** The Pod mounts data and its command names note.txt on that mount. */
function usesNote(pod: KObject, wanted: string): Observation[] {
  const mount = claimMount(pod);
  const command = commandOf(pod);
  const file = mount === undefined ? undefined : `${mount === '/' ? '' : mount}/note.txt`;
  return [
    ...observe(pod, 'spec.volumes (claim data, mounted)', 'claim data, mounted in the container', mount === undefined ? claimsOf(pod) : `claim data at ${mount}`, { ok: mount !== undefined }),
    ...(file ? observe(pod, 'spec.containers[].command', `${wanted} ${file}`, command || 'none', { ok: command.includes(file) }) : []),
  ];
}

export default defineChecks({
  'claim-bound': async ({ get, namespace }) => {
    const [pvc, pv] = await Promise.all([get('v1', 'PersistentVolumeClaim', 'data'), get('v1', 'PersistentVolume', 'pv-1')]);
    return [
      match(pv, { spec: { capacity: { storage: '1Gi' }, accessModes: exactly(['ReadWriteOnce']), storageClassName: 'manual' } }),
      match(pvc, { metadata: { labels: { app: 'notes' } }, spec: { storageClassName: 'manual', volumeName: 'pv-1' }, status: { phase: 'Bound' } }),
      match(pv, { spec: { claimRef: { name: 'data', namespace } }, status: { phase: 'Bound' } }, { settling: true }),
    ];
  },

  'writer-pod': async ({ get }) => {
    const writer = await get('v1', 'Pod', 'writer');
    if (!writer) return [];
    const command = commandOf(writer);
    return [
      match(writer, { spec: { restartPolicy: 'Never', containers: some({ image: 'busybox:1.36' }) } }),
      usesNote(writer, 'writes to'),
      observe(writer, 'spec.containers[].command', 'writes "hello from writer"', command.includes('hello from writer') ? 'writes "hello from writer"' : command || 'none'),
    ];
  },

  'reader-pod': async ({ get }) => {
    const reader = await get('v1', 'Pod', 'reader');
    if (!reader) return [];
    return [match(reader, { spec: { containers: some({ image: 'busybox:1.36' }) } }), usesNote(reader, 'reads')];
  },

  // Needs real containers: only a real writer exits, and only a real reader finds (or misses) the file.
  'data-persists': async ({ get }) => {
    const [writer, reader] = await Promise.all([get('v1', 'Pod', 'writer'), get('v1', 'Pod', 'reader')]);
    const restarts = (reader?.status?.containerStatuses ?? []).reduce((n: number, s: { restartCount?: number }) => n + (s.restartCount ?? 0), 0);
    return [match(writer, { status: { phase: 'Succeeded' } }), podReady(reader), reader ? observe(reader, 'status.containerStatuses[].restartCount', 0, restarts, { settling: true }) : []];
  },
});
