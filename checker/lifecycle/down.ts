// `lab down`: deletes the cluster, only if Wheelhouse created it. An adopted cluster (existing
// provider) is never deleted: its labs, node changes and the marker are removed instead.
import { existsSync } from 'node:fs';
import { deleteCluster, providerHasCluster } from '../providers/index.ts';
import type { System } from '../providers/system.ts';
import { displayPath } from '../lab/paths.ts';
import { LifecycleError } from './errors.ts';
import { markerPath, openOwnedCluster } from './marker.ts';
import { allLabsSweep, sweep } from './reset.ts';
import { readState, removeState } from './state.ts';
import { msg, type Lang } from './messages.ts';
import type { Progress } from './progress.ts';

export type DownResult = 'deleted' | 'released' | 'nothing';

export async function down(kubeconfig: string, o: { sys: System; progress: Progress; lang: Lang }): Promise<DownResult> {
  const { sys, progress, lang } = o;
  const state = await readState(kubeconfig);
  if (!state) {
    if (!existsSync(kubeconfig)) return 'nothing';
    throw new LifecycleError('refused', 'refusedNoRecord', { kubeconfig: displayPath(kubeconfig), record: displayPath(kubeconfig.replace(/[^/]*$/, 'cluster.json')) });
  }

  let owned;
  try {
    owned = await openOwnedCluster(kubeconfig);
  } catch (err) {
    // A stopped cluster cannot show its marker; the provider's own record of it is proof enough.
    if (!(err instanceof LifecycleError && (err.code === 'unreachable' || err.code === 'no-cluster'))) throw err;
    if (state.provider === 'existing' || !(await providerHasCluster(state, sys))) throw err;
  }

  try {
    if (state.provider === 'existing') {
      const { api, marker } = owned!;
      await progress.step(msg(lang, 'stepReleaseExisting', {}), async () => {
        await sweep(api, marker, allLabsSweep, { finalize: false });
        await api.delete(markerPath);
      });
      await removeState(kubeconfig);
      return 'released';
    }
    await progress.step(msg(lang, 'stepDelete', { provider: state.provider, name: state.name }), () => deleteCluster(state, sys));
    await removeState(kubeconfig);
    return 'deleted';
  } finally {
    owned?.api.close();
  }
}
