// `lab up`: make sure there is a Wheelhouse cluster (create and mark one if not), install the
// lab's add-ons for this provider, apply its node changes, apply setup/ in file-name order into
// the lab's namespace, and wait briefly for the workloads to start.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { KObject } from '../cluster/types.ts';
import type { LoadedLab } from '../lab/load.ts';
import { rolloutState } from '../checks/status.ts';
import { resolveKubeconfig, type KubeconfigChoice } from '../cluster/kubeconfig.ts';
import { CLUSTER_NAME, chooseProvider, createCluster, kwokBinaries, restartCluster, type CreatableProvider } from '../providers/index.ts';
import { copyContext } from '../providers/existing.ts';
import { preloadImages } from '../providers/kind.ts';
import type { System } from '../providers/system.ts';
import { type KubeApi } from './kube-api.ts';
import { applyNodeChanges } from './nodes.ts';
import { LAB_LABEL, applyBatches, readSetup } from './setup.ts';
import { allowDryRuns, ensureGrader } from './grader.ts';
import { applyObjects, findKubectl, kubectl } from './kubectl.ts';
import { addonApiVersions, installAddonApis } from './addon-apis.ts';
import { LifecycleError, talking } from '../core/errors.ts';
import { markCluster, openOwnedCluster, putNodesBack, recordNodeChanges, setCurrentLab, type Marker } from './marker.ts';
import { readState, type ClusterState, type ProviderName } from '../core/state.ts';
import { say, type Lang } from '../core/i18n.ts';
import type { Progress } from './progress.ts';
import { displayPath } from '../core/paths.ts';
import { CORE, apiPath } from '../cluster/transport.ts';

/** A cluster Wheelhouse may change, and the kubectl to change it with. */
export interface LabTarget {
  state: ClusterState;
  api: KubeApi;
  marker: Marker;
  kubectl: string;
}

export interface UpOptions {
  sys: System;
  progress: Progress;
  lang: Lang;
  /** Wait for the lab's workloads to finish starting (default true; never for broken labs). */
  wait?: boolean;
  waitMs?: number;
}

export function kubectlTarget(t: LabTarget) {
  return { kubectl: t.kubectl, kubeconfig: t.state.kubeconfig, context: t.state.context };
}

/** Opens the Wheelhouse cluster for a mutating command (refusing others), or says there is none. */
export async function openLabTarget(kubeconfig: string, sys: System): Promise<LabTarget> {
  if (!existsSync(kubeconfig) && !(await readState(kubeconfig))) throw new LifecycleError('no-cluster', 'errNoCluster', { kubeconfig: displayPath(kubeconfig) });
  return withKubectl(await openOwnedCluster(kubeconfig), sys);
}

/** Adds the kubectl to use; checked after ownership, so a refusal is what a learner hears first. */
function withKubectl(owned: Awaited<ReturnType<typeof openOwnedCluster>>, sys: System): LabTarget {
  try {
    return { ...owned, kubectl: findKubectl(sys) };
  } catch (err) {
    owned.api.close();
    throw err;
  }
}

export interface EnsureOptions extends UpOptions {
  kubeconfig: KubeconfigChoice;
  provider?: ProviderName;
  /** existing only: the context of --kubeconfig to adopt. */
  context?: string;
}

/** The cluster for `lab up`: the one Wheelhouse has, started again if it stopped, or a new one. */
export async function ensureCluster(o: EnsureOptions): Promise<LabTarget> {
  const { sys, progress, lang } = o;
  if (o.provider === 'existing') return adoptExisting(o);
  const kubeconfig = o.kubeconfig.path;
  const state = await readState(kubeconfig);

  if (state) {
    if (o.provider && o.provider !== state.provider) throw new LifecycleError('usage', 'providerMismatch', { have: state.provider, want: o.provider });
    try {
      return withKubectl(await openOwnedCluster(kubeconfig), sys);
    } catch (err) {
      if (!(err instanceof LifecycleError && err.code === 'unreachable')) throw err;
      // A kwok cluster's processes do not survive a reboot: start them again.
      const restarted = await progress.step(say(lang, 'stepRestart', { provider: state.provider }), () => restartCluster(state, sys)).catch(() => false);
      if (!restarted) throw err;
      return withKubectl(await waitOwned(kubeconfig), sys);
    }
  }

  // A kubeconfig someone named that Wheelhouse has no record of: not ours to change.
  if (o.kubeconfig.source !== 'default' && existsSync(kubeconfig)) {
    throw new LifecycleError('refused', 'refusedNoRecord', { kubeconfig: displayPath(kubeconfig), record: displayPath(join(kubeconfig, '..', 'cluster.json')) });
  }
  const choice = await chooseProvider(o.provider as CreatableProvider | undefined, sys);
  findKubectl(sys); // setting labs up needs it: say so before a cluster is created for nothing
  // Wheelhouse's own kubeconfig without its record is a leftover; kind and kwokctl would merge into it.
  if (existsSync(kubeconfig)) await rm(kubeconfig, { force: true });
  if (choice.why) progress.info(say(lang, choice.why, {}));
  if (choice.provider === 'kwok' && kwokBinaries(sys).downloads) progress.info(say(lang, 'kwokDownloads', {}));
  const made = await progress.step(say(lang, 'stepCreate', { provider: choice.provider, name: CLUSTER_NAME }), (update) =>
    createCluster({ provider: choice.provider, kubeconfig, sys, onProgress: update, onNotice: (n) => progress.warn(n.key === 'kindCgroupV1' ? say(lang, n.key, {}) : say(lang, n.key, { image: n.image })) }),
  );
  await talking(() => markCluster(kubeconfig, { provider: choice.provider, name: made.name, workdir: made.workdir }));
  return withKubectl(await openOwnedCluster(kubeconfig), sys);
}

/** A restarted API server takes a few seconds to answer (a kind control plane up to a minute or two). */
export async function waitOwned(kubeconfig: string) {
  const deadline = Date.now() + 150_000;
  for (;;) {
    try {
      return await openOwnedCluster(kubeconfig);
    } catch (err) {
      // Right after a restart the API server answers before its authorizer has loaded RBAC: a 403
      // for the cluster admin then means "not yet" (seen on kind after docker start).
      const starting = err instanceof LifecycleError && (err.code === 'unreachable' || err.key === 'errDenied');
      if (!starting || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** `--provider existing --kubeconfig FILE --context NAME`: copy that context into Wheelhouse's kubeconfig and mark the cluster. */
async function adoptExisting(o: EnsureOptions): Promise<LabTarget> {
  const { sys, progress, lang } = o;
  if (o.kubeconfig.source !== 'flag' || !o.context) throw new LifecycleError('usage', 'existingNeedsFlags', {});
  const target = resolveKubeconfig(undefined, sys.env).path;
  const state = await readState(target);
  if (state) {
    if (state.provider === 'existing' && state.source === o.kubeconfig.path && state.context === o.context) {
      return withKubectl(await openOwnedCluster(target), sys);
    }
    throw new LifecycleError('usage', 'alreadyManaging', { provider: state.provider, kubeconfig: displayPath(target) });
  }
  const kubectlPath = findKubectl(sys);
  await progress.step(say(lang, 'stepAdopt', { context: o.context }), async () => {
    await copyContext({ source: o.kubeconfig.path, context: o.context!, target, kubectl: kubectlPath }, sys);
    await talking(() => markCluster(target, { provider: 'existing', name: o.context!, source: o.kubeconfig.path }));
  });
  return withKubectl(await openOwnedCluster(target), sys);
}

/** Sets the lab up on an open Wheelhouse cluster. */
export async function setUpLab(t: LabTarget, lab: LoadedLab, o: UpOptions): Promise<void> {
  const { sys, progress, lang } = o;
  // Read and check everything before touching the cluster: a broken lab changes nothing.
  const objects = await readSetup(lab);
  const addons = lab.addons.filter((a) => a.providers.includes(t.state.provider));
  for (const a of addons) addonManifest(lab, a.manifest);

  await talking(async () => {
    // The checker's read-only identity (a cluster marked before it existed gets it now).
    await ensureGrader(t.api);
    // Node changes belong to one lab at a time: switching labs puts the nodes back first.
    if (t.marker.currentLab !== lab.id) {
      if (t.marker.currentLab || lab.nodes.length) await putNodesBack(t.api, t.marker, t.state.provider);
      await setCurrentLab(t.api, lab.id);
      t.marker.currentLab = lab.id;
    }

    // On kind the course's add-on APIs come first (kwok has them from its creation): the VPA's
    // CRDs, say, before the recommender that watches them.
    if (t.state.provider === 'kind' && addons.length) {
      const v = addonApiVersions();
      await progress.step(say(lang, 'stepAddon', { addon: 'Gateway API + VerticalPodAutoscaler CRD', version: `${v.gatewayApi} + ${v.vpa}` }), () => installAddonApis(kubectlTarget(t), sys));
    }
    for (const a of addons) {
      if (t.state.provider === 'kind' && a.images.length) {
        await progress.step(say(lang, 'stepPreload', { addon: a.name }), (update) => preloadImages(t.state.name, a.images, sys, update));
      }
      await progress.step(say(lang, 'stepAddon', { addon: a.name, version: a.version }), async () => {
        // A folder with a kustomization.yaml (an upstream manifest by URL plus the lab's patches)
        // is applied with -k; a plain folder of manifests, or a file, with -f.
        const manifest = addonManifest(lab, a.manifest);
        const source = existsSync(join(manifest, 'kustomization.yaml')) ? ['-k', manifest] : ['-f', manifest];
        const r = await kubectl(kubectlTarget(t), sys, ['apply', '--server-side', '--force-conflicts', '--field-manager=wheelhouse', ...source]);
        if (r.code !== 0) throw new LifecycleError('failed', 'applyFailed', { what: `${a.name} ${a.version}`, detail: r.stderr.trim().split('\n').slice(-5).join('\n') });
        // The next add-on, or the setup, may create objects of the kinds this one defined: wait
        // until they are served. (With no CRDs at all kubectl says so and fails; nothing to wait for.)
        await kubectl(kubectlTarget(t), sys, ['wait', '--for=condition=Established', 'crd', '--all', '--timeout=60s']);
      });
    }

    if (lab.nodes.length) {
      await progress.step(say(lang, 'stepNodes', { nodes: lab.nodes.map((n) => n.node).join(', ') }), () => applyNodeChanges(t.api, lab, (changes) => recordNodeChanges(t.api, t.marker, changes)));
    }

    // A namespace of the setup that is still being deleted (`lab down` or a learner's delete moments
    // ago) would refuse the setup's objects: wait until it is gone.
    for (const ns of objects.filter((o) => o.object.kind === 'Namespace' && o.object.apiVersion === 'v1').map((o) => o.object.metadata.name)) {
      const path = apiPath(CORE('namespaces'), undefined, ns);
      if (!(await t.api.get(path))?.metadata.deletionTimestamp) continue;
      await progress.step(say(lang, 'stepNamespaceGoing', { namespace: ns }), async () => {
        const until = performance.now() + 120_000;
        while ((await t.api.get(path)) && performance.now() < until) await new Promise((r) => setTimeout(r, 250));
      });
    }

    await progress.step(say(lang, 'stepApply', { lab: lab.id, namespace: lab.namespace }), async () => {
      for (const batch of applyBatches(objects.map((o) => o.object), lab.namespace)) {
        await applyObjects(kubectlTarget(t), sys, batch.namespace, batch.objects, `${lab.id} setup`);
        if (batch.crds.length) await waitEstablished(t.api, batch.crds);
      }
      // The checks' dry runs happen in the lab's namespaces, and only there.
      const namespaces = [lab.namespace, ...objects.filter((o) => o.object.kind === 'Namespace' && o.object.apiVersion === 'v1').map((o) => o.object.metadata.name)];
      await allowDryRuns(t.api, [...new Set(namespaces)], { [LAB_LABEL]: lab.id });
    });

    const workloads = objects.map((o) => o.object).filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind) && o.apiVersion === 'apps/v1');
    if ((o.wait ?? true) && !lab.broken && workloads.length) {
      const waitMs = o.waitMs ?? (t.state.provider === 'kind' ? 120_000 : 30_000);
      const settled = await progress.step(say(lang, 'stepWait', { count: workloads.length }), () => waitForWorkloads(t.api, workloads, lab.namespace, waitMs));
      if (!settled) progress.warn(say(lang, 'waitGaveUp', { seconds: Math.round(waitMs / 1000), namespace: lab.namespace }));
    }
  });
}

/**
 * An add-on's manifest: a URL, or a path inside the lab folder (never outside it) — a file, a
 * folder of manifests, or a folder with a kustomization.yaml (applied with -k) to patch an
 * upstream manifest.
 */
export function addonManifest(lab: LoadedLab, manifest: string): string {
  if (/^https:\/\//.test(manifest)) return manifest;
  const path = isAbsolute(manifest) ? manifest : join(lab.dir, manifest);
  const rel = relative(lab.dir, path);
  if (rel.startsWith('..') || isAbsolute(rel) || !existsSync(path)) {
    throw new LifecycleError('broken-lab', 'setupProblems', { lab: lab.id, problems: `${displayPath(lab.file)}: add-on manifest "${manifest}" is not a file or kustomization folder in the lab folder, nor an https URL` });
  }
  return path;
}

async function waitEstablished(api: KubeApi, crds: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const objs = await Promise.all(crds.map((n) => api.get(apiPath({ group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' }, undefined, n))));
    const ready = objs.every((c) => (c?.status?.conditions as { type: string; status: string }[] | undefined)?.some((x) => x.type === 'Established' && x.status === 'True'));
    if (ready) return;
    if (Date.now() > deadline) throw new LifecycleError('failed', 'crdNotEstablished', { crds: crds.join(', ') });
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Polls the workloads until kubectl's rollout status would say done; false at the deadline. */
async function waitForWorkloads(api: KubeApi, workloads: KObject[], namespace: string, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  const resource = (kind: string) => ({ group: 'apps', version: 'v1', resource: `${kind.toLowerCase()}s` });
  for (;;) {
    const objs = await Promise.all(workloads.map((w) => api.get(apiPath(resource(w.kind), w.metadata.namespace ?? namespace, w.metadata.name))));
    if (objs.every((o) => o && rolloutState(o).state === 'complete')) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
}
