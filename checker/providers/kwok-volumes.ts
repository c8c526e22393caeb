// A stand-in for kind's local-path provisioner on the simulated (kwok) cluster. kwok simulates
// nodes and Pods but provisions no volumes, so PVCs of the default StorageClass would stay Pending.
// This loop does what an external provisioner does, through the API only: for each claim that the
// controller-manager hands to our provisioner it creates a PersistentVolume (which the
// controller-manager then binds), and it deletes Released volumes whose reclaim policy is Delete.
//
// Run it as a process: `node checker/providers/kwok-volumes.ts --kubeconfig FILE`. It talks to the
// API server through the one transport (checker/cluster/transport.ts), with retries.
import { parseArgs } from 'node:util';
import { CORE, apiPath, openTransport } from '../cluster/transport.ts';

export const PROVISIONER = 'rancher.io/local-path';
export const STORAGE_CLASS = 'standard';

type Obj = Record<string, any>;

export async function runVolumeProvisioner(kubeconfig: string, signal: AbortSignal, intervalMs = 1000): Promise<void> {
  const t = await openTransport({ kubeconfig, retry: true });
  const pvs = apiPath(CORE('persistentvolumes'));
  while (!signal.aborted) {
    try {
      const classes = await t.list<Obj>(apiPath({ group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' }));
      const ours = new Map(classes.filter((c) => c.provisioner === PROVISIONER).map((c) => [c.metadata.name, c]));
      const claims = await t.list<Obj>(apiPath(CORE('persistentvolumeclaims')));
      const volumes = await t.list<Obj>(pvs);
      const byName = new Set(volumes.map((v) => v.metadata.name));
      for (const pvc of claims as Obj[]) {
        if (pvc.status?.phase !== 'Pending' || pvc.spec.volumeName) continue;
        const sc = ours.get(pvc.spec.storageClassName);
        if (!sc) continue;
        const node = pvc.metadata.annotations?.['volume.kubernetes.io/selected-node'];
        // WaitForFirstConsumer: the scheduler names the node once a Pod uses the claim.
        if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !node) continue;
        const name = `pvc-${pvc.metadata.uid}`;
        if (byName.has(name)) continue;
        await t.request('POST', pvs, {
          body: {
            apiVersion: 'v1',
            kind: 'PersistentVolume',
            metadata: { name, annotations: { 'pv.kubernetes.io/provisioned-by': PROVISIONER } },
            spec: {
              capacity: { storage: pvc.spec.resources.requests.storage },
              accessModes: pvc.spec.accessModes,
              persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
              storageClassName: pvc.spec.storageClassName,
              volumeMode: pvc.spec.volumeMode ?? 'Filesystem',
              claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid },
              hostPath: { path: `/var/local-path-provisioner/${name}`, type: 'DirectoryOrCreate' },
              ...(node
                ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } } }
                : {}),
            },
          },
        });
      }
      for (const pv of volumes as Obj[]) {
        if (pv.status?.phase === 'Released' && pv.spec.persistentVolumeReclaimPolicy === 'Delete' && pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by'] === PROVISIONER) {
          await t.request('DELETE', apiPath(CORE('persistentvolumes'), undefined, pv.metadata.name), { allow404: true }).catch(() => {});
        }
      }
    } catch (err) {
      // The API server may be starting or stopping; the next round tries again.
      if (process.env.WHEELHOUSE_DEBUG) console.error('kwok-volumes:', err);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  t.close();
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { kubeconfig: { type: 'string' } } });
  if (!values.kubeconfig) {
    console.error('usage: node checker/providers/kwok-volumes.ts --kubeconfig FILE');
    process.exit(64);
  }
  const ac = new AbortController();
  for (const s of ['SIGTERM', 'SIGINT'] as const) process.on(s, () => ac.abort());
  await runVolumeProvisioner(values.kubeconfig, ac.signal);
}
