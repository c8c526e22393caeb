// Choosing, creating, restarting and deleting the lab cluster, whichever provider makes it.
// One cluster serves every lab; it is called "wheelhouse" for kind and kwok alike.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createKindCluster, deleteKindCluster, kindClusterExists, kindNotReady, kindReadiness, startKindNodes, type KindNotice } from './kind.ts';
import { createKwokCluster, deleteKwokCluster, kwokClusterExists, kwokWorkdir, startKwokCluster, type KwokClusterOptions } from './kwok.ts';
import type { System } from './system.ts';
import { LifecycleError } from '../core/errors.ts';
import type { ClusterState, ProviderName } from '../core/state.ts';
import type { MessageKey } from '../core/i18n.ts';
import { localKubeBinDir } from '../core/paths.ts';

export const CLUSTER_NAME = 'wheelhouse';

export type CreatableProvider = Exclude<ProviderName, 'existing'>;

export interface ProviderChoice {
  provider: CreatableProvider;
  /** Why kwok was chosen when nothing was asked for (kind or Docker missing). */
  why?: MessageKey;
}

/** The provider for a new cluster: the one asked for, else kind when kind and a running Docker are there, else kwok. */
export async function chooseProvider(requested: CreatableProvider | undefined, sys: System): Promise<ProviderChoice> {
  if (requested === 'kwok') return { provider: 'kwok' };
  const ready = await kindReadiness(sys);
  if (requested === 'kind') {
    if (!ready.ok) throw kindNotReady(ready);
    return { provider: 'kind' };
  }
  if (ready.ok) return { provider: 'kind' };
  const why = ready.missing === 'kind' ? 'whyKwokNoKind' : ready.missing === 'kind-old' ? 'whyKwokKindOld' : ready.missing === 'docker' ? 'whyKwokNoDocker' : 'whyKwokDockerDown';
  return { provider: 'kwok', why };
}

/** Where the kwok provider takes its binaries: the project's build cache, else kwokctl from PATH (which downloads the rest). */
export function kwokBinaries(sys: System): { binDir?: string; downloads: boolean } {
  const binDir = localKubeBinDir();
  if (binDir) return { binDir, downloads: false };
  if (sys.which('kwokctl')) return { downloads: true };
  throw new LifecycleError('missing-tool', 'kwokMissing', {});
}

function kwokOptions(kubeconfig: string, name: string, workdir: string | undefined, sys: System, onProgress?: (m: string) => void): KwokClusterOptions {
  return { name, kubeconfig, workdir: workdir ?? kwokWorkdir({ kubeconfig }), binDir: kwokBinaries(sys).binDir, onProgress };
}

export interface CreateOptions {
  provider: CreatableProvider;
  kubeconfig: string;
  sys: System;
  onProgress?: (message: string) => void;
  onNotice?: (notice: KindNotice) => void;
}

/** Creates the cluster. Returns what cluster.json must record (the caller marks the cluster). */
export async function createCluster(o: CreateOptions): Promise<{ name: string; workdir?: string }> {
  if (o.provider === 'kind') {
    if (await kindClusterExists(CLUSTER_NAME, o.sys)) throw new LifecycleError('failed', 'kindExistsUnknown', { name: CLUSTER_NAME });
    await createKindCluster({ name: CLUSTER_NAME, kubeconfig: o.kubeconfig }, o.sys, o.onProgress, o.onNotice);
    return { name: CLUSTER_NAME };
  }
  const opts = kwokOptions(o.kubeconfig, CLUSTER_NAME, undefined, o.sys, o.onProgress);
  // A cluster in this kubeconfig's own work folder with no record beside the kubeconfig (the
  // .wheelhouse folder was deleted) is most likely this checkout's, but nothing proves it: nothing
  // is deleted without a marker that matches a record (#14). Say how to remove it by hand.
  if (await kwokClusterExists(opts)) {
    const kwokctl = opts.binDir ? `${opts.binDir}/kwokctl` : 'kwokctl';
    throw new LifecycleError('refused', 'kwokLeftover', { workdir: opts.workdir!, command: `KWOK_WORKDIR='${opts.workdir}' '${kwokctl}' delete cluster --name ${CLUSTER_NAME}` });
  }
  try {
    await createKwokCluster(opts);
  } catch (err) {
    await deleteKwokCluster(opts).catch(() => {});
    throw new LifecycleError('failed', 'kwokCreateFailed', { detail: (err as Error).message }, { cause: err });
  }
  return { name: CLUSTER_NAME, workdir: opts.workdir };
}

/** Starts a stopped cluster again where the provider can (kwok after a reboot, kind's stopped node containers). False when it cannot. */
export async function restartCluster(state: ClusterState, sys: System, onProgress?: (m: string) => void): Promise<boolean> {
  if (state.provider === 'kind') return startKindNodes(state.name, sys);
  if (state.provider !== 'kwok') return false;
  const opts = kwokOptions(state.kubeconfig, state.name, state.workdir, sys, onProgress);
  if (!(await kwokClusterExists(opts))) return false;
  await startKwokCluster(opts);
  return true;
}

/** Whether the provider still knows the cluster (used when it does not answer). */
export async function providerHasCluster(state: ClusterState, sys: System): Promise<boolean> {
  if (state.provider === 'kind') return kindClusterExists(state.name, sys);
  if (state.provider === 'kwok') return kwokClusterExists({ name: state.name, kubeconfig: state.kubeconfig, workdir: state.workdir });
  return false;
}

/** The command a person would run to delete the cluster by hand (Wheelhouse does not, when it cannot see the marker). */
export function deleteCommand(state: ClusterState, sys: System): string {
  if (state.provider === 'kind') return `kind delete cluster --name ${state.name}`;
  let binDir: string | undefined;
  try {
    binDir = kwokBinaries(sys).binDir;
  } catch {
    binDir = undefined;
  }
  return `KWOK_WORKDIR='${state.workdir ?? kwokWorkdir({ kubeconfig: state.kubeconfig })}' '${binDir ? `${binDir}/kwokctl` : 'kwokctl'}' delete cluster --name ${state.name}`;
}

/** Deletes a cluster Wheelhouse created. Never called for `existing`. */
export async function deleteCluster(state: ClusterState, sys: System): Promise<void> {
  if (state.provider === 'kind') return deleteKindCluster({ name: state.name, kubeconfig: state.kubeconfig }, sys);
  if (state.provider === 'kwok') {
    const opts = kwokOptions(state.kubeconfig, state.name, state.workdir, sys);
    try {
      await deleteKwokCluster(opts);
    } catch (err) {
      throw new LifecycleError('failed', 'kwokDeleteFailed', { detail: (err as Error).message }, { cause: err });
    }
    // kwokctl keeps the cluster's folder only while the cluster exists; make sure nothing is left.
    const dir = `${opts.workdir}/clusters/${state.name}`;
    if (existsSync(dir)) await rm(dir, { recursive: true, force: true });
    return;
  }
  throw new Error('deleteCluster: the existing provider never deletes a cluster');
}
