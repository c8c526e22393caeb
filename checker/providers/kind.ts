// The kind provider (the learner's default): real nodes as Docker containers, named like the
// simulated ones (wheelhouse-control-plane, wheelhouse-worker, wheelhouse-worker2). Thin on
// purpose: generate the config, run the kind CLI with Wheelhouse's own kubeconfig, and say what
// to install when kind or Docker is missing. https://kind.sigs.k8s.io/docs/user/configuration/
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { kubeVersion, repoRoot } from '../core/paths.ts';
import type { System } from './system.ts';
import { LifecycleError } from '../core/errors.ts';

export const KIND_QUICK_START = 'https://kind.sigs.k8s.io/docs/user/quick-start/#installation';
export const DOCKER_INSTALL = 'https://docs.docker.com/get-started/get-docker/';

/**
 * The node images the pinned kind release publishes (tools/kube/kind-node-images.txt), by
 * Kubernetes version: `kindest/node:vX@sha256:…`. kind's node images are made for one kind release
 * and are to be used by digest; a tag alone may name an image built for another kind.
 */
export function publishedNodeImages(): { kind: string; images: Map<string, string> } {
  const text = readFileSync(join(repoRoot, 'tools', 'kube', 'kind-node-images.txt'), 'utf8');
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const kind = lines.find((l) => l.startsWith('kind='))?.slice('kind='.length) ?? '';
  const images = new Map(lines.filter((l) => l.startsWith('v')).map((l) => l.split(/\s+/) as [string, string]));
  return { kind, images };
}

/**
 * The node image for the project's Kubernetes version, by digest. `WHEELHOUSE_KIND_IMAGE` names
 * another one on purpose (an offline workshop's `docker load`ed image, which keeps its tag but not
 * its registry digest; CI's image built from source).
 */
export function kindNodeImage(version = kubeVersion(), env: NodeJS.ProcessEnv = process.env): string {
  if (env.WHEELHOUSE_KIND_IMAGE) return env.WHEELHOUSE_KIND_IMAGE;
  const { kind, images } = publishedNodeImages();
  const image = images.get(version);
  if (!image) throw new LifecycleError('failed', 'kindNoNodeImage', { version, kind });
  return image;
}

/** What every node offers, on kind as on kwok: the same labs fill the same nodes on both. */
export const NODE_CPUS = 4;
export const NODE_MEMORY_BYTES = 8 * 1024 ** 3;

/** Docker's CPUs and memory (all of which each kind node would otherwise offer), and its cgroup version. */
export interface DockerResources {
  cpus: number;
  memoryBytes: number;
  /** 1 on hosts still on cgroup v1, where kubelet 1.35+ refuses to start unless told otherwise. */
  cgroupVersion?: number;
}

/**
 * kind's cluster config: one control plane and two workers at the pinned version. Given Docker's
 * resources, the kubelets keep what is above 4 CPUs and 8 GiB reserved, so a node offers what a
 * simulated node does (a lab that fills wheelhouse-worker2 fills it on kind too); on a smaller
 * Docker nothing is reserved. On a cgroup v1 host the kubelets are told to run anyway
 * (`failCgroupV1: false`): https://kubernetes.io/docs/concepts/architecture/cgroups/
 */
export function kindConfig(image = kindNodeImage(), docker?: DockerResources): string {
  const cpu = docker ? Math.max(0, docker.cpus - NODE_CPUS) : 0;
  const memoryMi = docker ? Math.max(0, Math.floor((docker.memoryBytes - NODE_MEMORY_BYTES) / 1024 ** 2)) : 0;
  const reserved = { ...(cpu ? { cpu: `${cpu * 1000}m` } : {}), ...(memoryMi ? { memory: `${memoryMi}Mi` } : {}) };
  const kubelet = {
    ...(Object.keys(reserved).length ? { systemReserved: reserved } : {}),
    ...(docker?.cgroupVersion === 1 ? { failCgroupV1: false } : {}),
  };
  return stringify({
    kind: 'Cluster',
    apiVersion: 'kind.x-k8s.io/v1alpha4',
    ...(Object.keys(kubelet).length ? { kubeadmConfigPatches: [stringify({ kind: 'KubeletConfiguration', ...kubelet })] } : {}),
    nodes: [
      { role: 'control-plane', image },
      { role: 'worker', image },
      { role: 'worker', image },
    ],
  });
}

/** `docker info` for its CPUs, memory and cgroup version; undefined when it does not say (nothing is reserved then). */
export async function dockerResources(sys: System): Promise<DockerResources | undefined> {
  const r = await sys.run('docker', ['info', '--format', '{{.NCPU}} {{.MemTotal}} {{.CgroupVersion}}'], { timeoutMs: 15_000 });
  const [cpus, memoryBytes, cgroup] = r.stdout.trim().split(/\s+/).map(Number);
  if (r.code !== 0 || !(cpus > 0) || !(memoryBytes > 0)) return undefined;
  return { cpus, memoryBytes, ...(cgroup > 0 ? { cgroupVersion: cgroup } : {}) };
}

export interface KindClusterOptions {
  name: string;
  kubeconfig: string;
}

/** `kind create cluster` reading the config from standard input (`--config -`). */
export function kindCreateArgs(o: KindClusterOptions): string[] {
  return ['create', 'cluster', '--name', o.name, '--kubeconfig', o.kubeconfig, '--config', '-', '--wait', '120s'];
}

export function kindDeleteArgs(o: KindClusterOptions): string[] {
  return ['delete', 'cluster', '--name', o.name, '--kubeconfig', o.kubeconfig];
}

/**
 * The oldest kind Wheelhouse uses: the release whose node images it pins
 * (tools/kube/kind-node-images.txt); a node image is made for the kind release that publishes it.
 */
export const MIN_KIND_VERSION = parseKindVersion(publishedNodeImages().kind) ?? ([0, 33, 0] as const);

export type KindReadiness = { ok: true } | { ok: false; missing: 'kind' | 'kind-old' | 'docker' | 'docker-not-running'; detail?: string };

/** "kind v0.30.0 go1.24.6 linux/amd64" → [0, 30, 0]; undefined when it says something else. */
export function parseKindVersion(text: string): [number, number, number] | undefined {
  const m = /\bv(\d+)\.(\d+)\.(\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

const older = (a: readonly number[], b: readonly number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether kind can create a cluster here: the kind CLI and a Docker that answers. */
export async function kindReadiness(sys: System): Promise<KindReadiness> {
  if (!sys.which('kind')) return { ok: false, missing: 'kind' };
  if (!sys.which('docker')) return { ok: false, missing: 'docker' };
  const info = await sys.run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 15_000 });
  if (info.code !== 0 || !info.stdout.trim()) return { ok: false, missing: 'docker-not-running', detail: lastLine(info.stderr) };
  // A version that cannot be read is given the benefit of the doubt (a development build).
  const version = parseKindVersion((await sys.run('kind', ['version'], { timeoutMs: 15_000 })).stdout);
  if (version && older(version, MIN_KIND_VERSION) < 0) return { ok: false, missing: 'kind-old', detail: `v${version.join('.')}` };
  return { ok: true };
}

/** The readiness problem as an error with install steps (exit 2: nothing was changed). */
export function kindNotReady(r: Exclude<KindReadiness, { ok: true }>): LifecycleError {
  if (r.missing === 'kind') return new LifecycleError('missing-tool', 'kindMissing', { url: KIND_QUICK_START });
  if (r.missing === 'kind-old') return new LifecycleError('missing-tool', 'kindTooOld', { have: r.detail ?? '?', need: `v${MIN_KIND_VERSION.join('.')}`, url: KIND_QUICK_START });
  if (r.missing === 'docker') return new LifecycleError('missing-tool', 'dockerMissing', { url: DOCKER_INSTALL });
  return new LifecycleError('missing-tool', 'dockerNotRunning', { detail: r.detail ?? '' });
}

/** What the kind provider says once before creating (the caller words it in the learner's language). */
export type KindNotice = { key: 'kindCgroupV1' } | { key: 'kindImageOverride'; image: string };

export async function createKindCluster(o: KindClusterOptions, sys: System, onLine?: (line: string) => void, onNotice?: (n: KindNotice) => void): Promise<void> {
  const ready = await kindReadiness(sys);
  if (!ready.ok) throw kindNotReady(ready);
  // kind prints its steps (" ✓ Preparing nodes 📦") on stderr: pass them on as progress.
  const image = kindNodeImage(kubeVersion(), sys.env);
  const docker = await dockerResources(sys);
  if (docker?.cgroupVersion === 1) onNotice?.({ key: 'kindCgroupV1' });
  if (sys.env.WHEELHOUSE_KIND_IMAGE) onNotice?.({ key: 'kindImageOverride', image });
  const config = kindConfig(image, docker);
  const r = await sys.run('kind', kindCreateArgs(o), { input: config, onLine: (l) => onLine?.(l.trim()) });
  if (r.code !== 0) throw new LifecycleError('failed', 'kindCreateFailed', { detail: tail(r.stderr || r.stdout) });
}

export async function deleteKindCluster(o: KindClusterOptions, sys: System): Promise<void> {
  const r = await sys.run('kind', kindDeleteArgs(o));
  if (r.code !== 0) throw new LifecycleError('failed', 'kindDeleteFailed', { detail: tail(r.stderr || r.stdout) });
}

export async function kindClusterExists(name: string, sys: System): Promise<boolean> {
  if (!sys.which('kind')) return false;
  const r = await sys.run('kind', ['get', 'clusters']);
  return r.code === 0 && r.stdout.split('\n').some((l) => l.trim() === name);
}

/**
 * Puts images into the kind nodes ahead of time, so a lab's add-on starts without pulling at the
 * last minute (a workshop's network). `kind load` needs the image in the local Docker first.
 */
export async function preloadImages(name: string, images: string[], sys: System, onImage?: (image: string) => void): Promise<void> {
  for (const image of images) {
    onImage?.(image);
    const have = await sys.run('docker', ['image', 'inspect', image]);
    if (have.code !== 0) {
      const pull = await sys.run('docker', ['pull', image]);
      if (pull.code !== 0) throw new LifecycleError('failed', 'imagePullFailed', { image, detail: tail(pull.stderr) });
    }
    const load = await sys.run('kind', ['load', 'docker-image', image, '--name', name]);
    if (load.code !== 0) throw new LifecycleError('failed', 'imageLoadFailed', { image, detail: tail(load.stderr) });
  }
}

/** kind labels every node container with its cluster's name. */
export const KIND_CLUSTER_LABEL = 'io.x-k8s.kind.cluster';

/** The cluster's node containers and whether each runs (none when Docker does not answer). */
export async function kindNodeContainers(name: string, sys: System): Promise<{ name: string; running: boolean }[]> {
  if (!sys.which('docker')) return [];
  const r = await sys.run('docker', ['ps', '-a', '--filter', `label=${KIND_CLUSTER_LABEL}=${name}`, '--format', '{{.Names}} {{.State}}'], { timeoutMs: 15_000 });
  if (r.code !== 0) return [];
  return r.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[0])
    .map(([n, state]) => ({ name: n, running: state === 'running' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Starts the node containers of a kind cluster that were stopped (Docker restarted, the laptop
 * rebooted, someone ran docker stop). True when there were stopped nodes and they started.
 */
export async function startKindNodes(name: string, sys: System): Promise<boolean> {
  const stopped = (await kindNodeContainers(name, sys)).filter((c) => !c.running).map((c) => c.name);
  if (!stopped.length) return false;
  const r = await sys.run('docker', ['start', ...stopped], { timeoutMs: 120_000 });
  return r.code === 0;
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-5).join('\n');
}
