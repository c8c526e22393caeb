// `lab down`: deletes the cluster, only if Wheelhouse created it: its marker must name the id of
// the record, also for a cluster that had stopped (it is started to show it). An adopted cluster
// (existing provider) is never deleted: its labs, node changes and the marker are removed instead.
import { existsSync } from 'node:fs';
import { deleteCluster, deleteCommand, providerHasCluster, restartCluster } from '../providers/index.ts';
import type { System } from '../providers/system.ts';
import { displayPath } from '../core/paths.ts';
import { LifecycleError } from '../core/errors.ts';
import { markerPath, openOwnedCluster } from './marker.ts';
import { allLabsSweep, sweep } from './reset.ts';
import { removeGrader } from './grader.ts';
import { readState, removeState } from '../core/state.ts';
import { waitOwned } from './up.ts';
import { say, type Lang } from '../core/i18n.ts';
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
    // Nothing is deleted on the word of a record alone (#14). A cluster that answers and refuses
    // (401/403) or names another setup's marker stays refused; one that does not answer is started
    // again so that it can show its marker, and is left alone when it cannot be.
    if (!(err instanceof LifecycleError && (err.code === 'unreachable' || err.code === 'no-cluster'))) throw err;
    if (state.provider === 'existing' || !(await providerHasCluster(state, sys))) throw err;
    const unverified = () => new LifecycleError('refused', 'downUnverified', { provider: state.provider, name: state.name, message: String((err.params as { message?: string }).message ?? err.message), command: deleteCommand(state, sys) });
    if (err.code === 'no-cluster') throw unverified();
    const restarted = await progress.step(say(lang, 'stepRestart', { provider: state.provider }), () => restartCluster(state, sys)).catch(() => false);
    if (!restarted) throw unverified();
    owned = await waitOwned(kubeconfig);
  }

  try {
    if (state.provider === 'existing') {
      const { api, marker } = owned!;
      await progress.step(say(lang, 'stepReleaseExisting', {}), async () => {
        await sweep(api, marker, allLabsSweep, { provider: 'existing' });
        await removeGrader(api);
        await api.delete(markerPath);
      });
      await removeState(kubeconfig);
      return 'released';
    }
    await progress.step(say(lang, 'stepDelete', { provider: state.provider, name: state.name }), () => deleteCluster(state, sys));
    await removeState(kubeconfig);
    return 'deleted';
  } finally {
    owned?.api.close();
  }
}
