// A stand-in for kind's local-path provisioner on the simulated (kwok) cluster. kwok simulates
// nodes and Pods but provisions no volumes, so PVCs of the default StorageClass would stay Pending.
// This loop does what an external provisioner does, through the API only: for each claim that the
// controller-manager hands to our provisioner it creates a PersistentVolume (which the
// controller-manager then binds), and it deletes Released volumes whose reclaim policy is Delete.
//
// Run it as a process: `node checker/providers/kwok-volumes.ts --kubeconfig FILE`.
import { parseArgs } from 'node:util';

export const PROVISIONER = 'rancher.io/local-path';
export const STORAGE_CLASS = 'standard';

type Obj = Record<string, any>;

export async function runVolumeProvisioner(kubeconfig: string, signal: AbortSignal, intervalMs = 1000): Promise<void> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(kubeconfig);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const storage = kc.makeApiClient(k8s.StorageV1Api);

  while (!signal.aborted) {
    try {
      const classes = (await storage.listStorageClass()).items;
      const ours = new Map(classes.filter((c) => c.provisioner === PROVISIONER).map((c) => [c.metadata!.name!, c]));
      const claims = (await core.listPersistentVolumeClaimForAllNamespaces()).items;
      const volumes = (await core.listPersistentVolume()).items;
      const byName = new Set(volumes.map((v) => v.metadata!.name));
      for (const pvc of claims as Obj[]) {
        if (pvc.status?.phase !== 'Pending' || pvc.spec.volumeName) continue;
        const sc = ours.get(pvc.spec.storageClassName);
        if (!sc) continue;
        const node = pvc.metadata.annotations?.['volume.kubernetes.io/selected-node'];
        // WaitForFirstConsumer: the scheduler names the node once a Pod uses the claim.
        if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !node) continue;
        const name = `pvc-${pvc.metadata.uid}`;
        if (byName.has(name)) continue;
        await core.createPersistentVolume({
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
          await core.deletePersistentVolume({ name: pv.metadata.name }).catch(() => {});
        }
      }
    } catch (err) {
      // The API server may be starting or stopping; the next round tries again.
      if (process.env.WHEELHOUSE_DEBUG) console.error('kwok-volumes:', err);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
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
