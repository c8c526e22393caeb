// Checks for lab-14. Binding is read from both sides (the claim names pv-1, the volume's claimRef
// names the claim) and the volume must be the one the storage team made: a claim "fixed" by
// bending the volume to fit, or a new claim that a StorageClass provisioned instead, does not pass.
// The Pods are graded from their specs (which claim, where it is mounted — subPath and workingDir
// included —, which file the command touches, whether the command ends or keeps running); that the
// file really outlived its writer is graded on real nodes only. The clauses of each task
// (lab.yaml) are named above its check.
import { defineChecks, exactly, image, match, observe, oneOf, phrase, podReady, some, type KObject, type Observation } from '../../checker/index.ts';

interface Mount {
  container: { name: string; command?: string[]; args?: string[]; workingDir?: string };
  path: string;
  subPath?: string;
  /** Mounted read-only: by the volumeMount, or by the volume's persistentVolumeClaim.readOnly. */
  readOnly: boolean;
}

const strip = (p: string) => p.replace(/\/+$/, '') || '/';

/** Where a Pod mounts the claim data (the first container that does), or undefined. */
function claimMount(pod: KObject): Mount | undefined {
  const volumes: { name: string; persistentVolumeClaim?: { claimName: string; readOnly?: boolean } }[] = pod.spec?.volumes ?? [];
  const claimed = volumes.filter((v) => v.persistentVolumeClaim?.claimName === 'data');
  for (const c of pod.spec?.containers ?? []) {
    const m = (c.volumeMounts ?? []).find((vm: { name: string }) => claimed.some((v) => v.name === vm.name));
    if (!m) continue;
    const volume = claimed.find((v) => v.name === m.name)!;
    return { container: c, path: strip(String(m.mountPath)), subPath: m.subPath || m.subPathExpr || undefined, readOnly: m.readOnly === true || volume.persistentVolumeClaim?.readOnly === true };
  }
  return undefined;
}

/** The Pod's claims, for a Pod that does not mount data. */
function claimsOf(pod: KObject): unknown {
  const claims = (pod.spec?.volumes ?? []).flatMap((v: { name: string; persistentVolumeClaim?: { claimName: string }; emptyDir?: object }) =>
    v.persistentVolumeClaim ? [`persistentVolumeClaim ${v.persistentVolumeClaim.claimName}`] : [`${v.name} (${Object.keys(v).filter((k) => k !== 'name').join(', ')})`],
  );
  return claims.length ? claims.join(', ') : phrase('noItems');
}

const commandOf = (c: { command?: string[]; args?: string[] } | undefined) => [...(c?.command ?? []), ...(c?.args ?? [])].join(' ');

/** The command names note.txt at the top of the mount: by its full path, or relative to a workingDir that is the mount. */
function namesNote(m: Mount): boolean {
  const command = commandOf(m.container);
  const file = `${m.path === '/' ? '' : m.path}/note.txt`;
  if (command.includes(file)) return true;
  const wd = m.container.workingDir ? strip(m.container.workingDir) : undefined;
  return wd === m.path && /(^|[\s'"<>(;|&])(\.\/)?note\.txt\b/.test(command);
}

/** The seconds each `sleep` of a command waits (infinity, or a value the checker cannot read, is Infinity). */
function sleeps(command: string): number[] {
  const unit: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
  return [...command.matchAll(/\bsleep\s+([^\s;|&)'"]+)/g)].map(([, v]) => {
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(v);
    return m ? Number(m[1]) * unit[m[2]] : Infinity;
  });
}

/**
 * A command that keeps running once it has done its work: a sleep of a minute or more, tail -f, a
 * loop that never ends, a server. A short pause (`sleep 1`, `sleep 5`) still lets the Pod exit.
 */
const keepsRunning = (command: string) =>
  sleeps(command).some((s) => s >= 60) || /\btail\b[^;|&]*\s(-[a-zA-Z]*f|--follow)\b|\bwhile\s+(true|:)|\bhttpd\b/.test(command);
/** The command without a loop that waits for the note (`until [ -f …/note.txt ]; do sleep 1; done`). */
const withoutWait = (command: string) => command.replace(/\b(until|while)\b[^;]*note\.txt[^;]*;\s*do\b.*?\bdone\b/g, '');

/** mounts-data and the note at the top of the volume (written: on a mount that can be written). */
function usesNote(pod: KObject, wanted: string, writes = false): { mount?: Mount; obs: Observation[] } {
  const mount = claimMount(pod);
  if (!mount) return { obs: observe(pod, 'spec.volumes[].persistentVolumeClaim.claimName (mounted)', 'data', claimsOf(pod), { ok: false }) };
  const command = commandOf(mount.container);
  const at = `spec.containers[${mount.container.name}]`;
  return {
    mount,
    obs: [
      ...(mount.subPath ? observe(pod, `${at}.volumeMounts[data].subPath`, phrase('absent'), mount.subPath, { ok: false }) : []),
      ...(writes && mount.readOnly ? observe(pod, `${at}.volumeMounts[data].readOnly`, false, true, { ok: false }) : []),
      ...observe(pod, `${at}.command`, `${wanted} ${mount.path === '/' ? '' : mount.path}/note.txt`, command || phrase('absent'), { ok: namesNote(mount) }),
    ],
  };
}

export default defineChecks({
  // bound-pv-1, pv-untouched, label, class.
  'claim-bound': async ({ get, namespace }) => {
    const [pvc, pv] = await Promise.all([get('v1', 'PersistentVolumeClaim', 'data'), get('v1', 'PersistentVolume', 'pv-1')]);
    return [
      match(pv, {
        spec: { capacity: { storage: '1Gi' }, accessModes: exactly(['ReadWriteOnce']), storageClassName: 'manual', persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/tmp/wheelhouse-lab-14' } },
      }),
      match(pvc, { metadata: { labels: { app: 'notes' } }, spec: { storageClassName: 'manual', volumeName: 'pv-1' }, status: { phase: 'Bound' } }),
      match(pv, { spec: { claimRef: { name: 'data', namespace } }, status: { phase: 'Bound' } }, { settling: true }),
    ];
  },

  // image, mounts-data, writes-note (the line, into note.txt at the top of the volume, mounted
  // read-write: a read-only mount cannot take it), exits (the
  // command ends), not-restarted (Never, or OnFailure: a Pod that exits 0 is not restarted either).
  'writer-pod': async ({ get }) => {
    const writer = await get('v1', 'Pod', 'writer');
    if (!writer) return [];
    const { mount, obs } = usesNote(writer, '>', true);
    const command = commandOf(mount?.container ?? writer.spec?.containers?.[0]);
    const at = `spec.containers[${mount?.container.name ?? 0}].command`;
    return [
      match(writer, { spec: { restartPolicy: oneOf('Never', 'OnFailure'), containers: some({ image: image('busybox:1.36') }) } }),
      obs,
      observe(writer, at, 'hello from writer', command || phrase('absent'), { ok: command.includes('hello from writer') }),
      observe(writer, `${at} (ends)`, phrase('not', { value: 'a sleep of a minute or more, tail -f, while true' }), command || phrase('absent'), { ok: !keepsRunning(command) }),
    ];
  },

  // image, mounts-data, prints-note (note.txt at the top of the volume), stays-up (the command keeps
  // running once it has printed the note).
  'reader-pod': async ({ get }) => {
    const reader = await get('v1', 'Pod', 'reader');
    if (!reader) return [];
    const { mount, obs } = usesNote(reader, 'cat');
    const command = commandOf(mount?.container ?? reader.spec?.containers?.[0]);
    return [
      match(reader, { spec: { containers: some({ image: image('busybox:1.36') }) } }),
      obs,
      observe(reader, `spec.containers[${mount?.container.name ?? 0}].command (stays up)`, 'a sleep of a minute or more, tail -f or an endless loop', command || phrase('absent'), { ok: keepsRunning(withoutWait(command)) }),
    ];
  },

  // writer-succeeded, reader-ready, note-found. Needs real containers: only a real writer exits,
  // and only a real reader finds (or misses) the file. The checker reads no logs: a reader that
  // found the note the first time was never restarted (`cat … && sleep` fails without it).
  'data-persists': async ({ get }) => {
    const [writer, reader] = await Promise.all([get('v1', 'Pod', 'writer'), get('v1', 'Pod', 'reader')]);
    const restarts = (reader?.status?.containerStatuses ?? []).reduce((n: number, s: { restartCount?: number }) => n + (s.restartCount ?? 0), 0);
    return [match(writer, { status: { phase: 'Succeeded' } }), podReady(reader), reader ? observe(reader, 'status.containerStatuses[].restartCount', 0, restarts, { settling: true }) : []];
  },
});
