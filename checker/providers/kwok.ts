// The kwok provider: a real control plane (etcd, kube-apiserver, kube-controller-manager,
// kube-scheduler) run by kwokctl as local processes, with three simulated nodes named like kind's.
// API behaviour is real; containers are not (no logs, exec or traffic).
import { spawn, execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync, openSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { PROVISIONER, STORAGE_CLASS } from './kwok-volumes.ts';
import { kubeVersion, localKubeBinDir, repoRoot } from '../core/paths.ts';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

export const NODE_NAMES = ['wheelhouse-control-plane', 'wheelhouse-worker', 'wheelhouse-worker2'] as const;
/** The annotation kwok uses to pick the nodes it simulates; the checker uses it to tell a simulated cluster. */
export const KWOK_NODE_ANNOTATION = 'kwok.x-k8s.io/node';

export interface KwokClusterOptions {
  /** kwokctl's cluster name. */
  name: string;
  /** The kubeconfig file to write (Wheelhouse's own, never ~/.kube/config). */
  kubeconfig: string;
  /** kwokctl's working folder (KWOK_WORKDIR). Default: one per kubeconfig folder, see kwokWorkdir. */
  workdir?: string;
  /** Folder with kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, etcd, kwok, kwokctl. */
  binDir?: string;
  onProgress?: (message: string) => void;
}

/**
 * kwokctl's working folder for the cluster of a kubeconfig: ~/.cache/wheelhouse/kwok/<hash of the
 * kubeconfig's folder>. One per checkout (per .wheelhouse folder): two clones of the course on one
 * machine each have their own cluster, and neither can mistake the other's for a leftover (#14).
 */
export function kwokWorkdir(o: Pick<KwokClusterOptions, 'workdir'> & { kubeconfig?: string }): string {
  if (o.workdir) return o.workdir;
  const root = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'wheelhouse', 'kwok');
  return o.kubeconfig ? join(root, createHash('sha256').update(dirname(o.kubeconfig)).digest('hex').slice(0, 12)) : root;
}

/**
 * What kwokctl (and the kubectl and scripts around it) get from Wheelhouse's environment. Nothing
 * else: kwokctl reads KWOK_* variables as settings, and a KWOK_KUBE_AUTHORIZATION=false left in a
 * learner's shell would make the lab cluster allow everything to everyone (#14).
 */
export const KWOKCTL_ENV_ALLOWLIST = [
  'PATH', 'HOME', 'USER', 'LOGNAME', 'TMPDIR', 'LANG', 'LC_ALL',
  // Downloads (kwokctl without the project's binaries; tools/crds/fetch.sh through Go).
  'http_proxy', 'https_proxy', 'no_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'SSL_CERT_FILE', 'SSL_CERT_DIR',
  'XDG_CACHE_HOME', 'WHEELHOUSE_CACHE',
  'GOPATH', 'GOMODCACHE', 'GOCACHE', 'GOPROXY', 'GOSUMDB', 'GONOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GOINSECURE', 'GOFLAGS', 'GOTOOLCHAIN', 'GOENV',
];

export function kwokEnv(o: KwokClusterOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => KWOKCTL_ENV_ALLOWLIST.includes(k)));
  Object.assign(env, { KWOK_WORKDIR: kwokWorkdir(o), KWOK_KUBE_VERSION: kubeVersion(), KWOK_KUBE_AUTHORIZATION: 'true', KUBECONFIG: o.kubeconfig });
  if (o.binDir) {
    env.KWOK_KUBE_BINARY_PREFIX = o.binDir;
    env.KWOK_ETCD_BINARY = join(o.binDir, 'etcd');
    env.KWOK_CONTROLLER_BINARY = join(o.binDir, 'kwok');
    env.PATH = `${o.binDir}:${env.PATH ?? '/usr/bin:/bin'}`;
  }
  return env;
}

function bin(o: KwokClusterOptions, name: string): string {
  return o.binDir ? join(o.binDir, name) : name;
}

/** The three nodes, as kind names and labels them; kwok keeps them Ready. */
export function nodeManifests(version = kubeVersion()): object[] {
  return NODE_NAMES.map((name) => {
    const controlPlane = name.endsWith('control-plane');
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        annotations: { [KWOK_NODE_ANNOTATION]: 'fake', 'node.alpha.kubernetes.io/ttl': '0' },
        labels: {
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/os': 'linux',
          'beta.kubernetes.io/arch': 'amd64',
          type: 'kwok',
          ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
        },
      },
      spec: controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {},
      status: {
        allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '50Gi' },
        capacity: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '50Gi' },
        nodeInfo: {
          architecture: 'amd64',
          operatingSystem: 'linux',
          kubeletVersion: version,
          kubeProxyVersion: version,
          containerRuntimeVersion: 'containerd://2.1.4',
          osImage: 'kwok (simulated node)',
          kernelVersion: '',
        },
      },
    };
  });
}

/** kind's default StorageClass, same name and provisioner. */
export function storageClassManifest(): object {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: STORAGE_CLASS, annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
}

function clusterDir(o: KwokClusterOptions): string {
  return join(kwokWorkdir(o), 'clusters', o.name);
}

/**
 * The cluster's private keys (its CA's and the admin's) are the cluster: readable by the owner only.
 * kwokctl writes them 0644 in folders its group may enter, so the work folder is made 0700 before
 * kwokctl runs (no one else can reach the keys while they are written) and the keys 0600 after.
 */
function prepareWorkdir(o: KwokClusterOptions): void {
  const workdir = kwokWorkdir(o);
  mkdirSync(workdir, { recursive: true, mode: 0o700 });
  chmodSync(workdir, 0o700);
}

function secureKeys(o: KwokClusterOptions): void {
  const pki = join(clusterDir(o), 'pki');
  if (!existsSync(pki)) return;
  for (const f of readdirSync(pki)) if (f.endsWith('.key')) chmodSync(join(pki, f), 0o600);
}

export async function kwokClusterExists(o: KwokClusterOptions): Promise<boolean> {
  return existsSync(join(clusterDir(o), 'kwok.yaml'));
}

export async function createKwokCluster(o: KwokClusterOptions): Promise<void> {
  const progress = o.onProgress ?? (() => {});
  mkdirSync(dirname(o.kubeconfig), { recursive: true });
  progress('starting the control plane (etcd, kube-apiserver, controller-manager, scheduler, kwok)');
  // kwokctl binds every component to all addresses unless told otherwise.
  const config = join(dirname(o.kubeconfig), `kwokctl-${o.name}.yaml`);
  writeFileSync(config, kwokctlConfig());
  prepareWorkdir(o);
  await run(
    bin(o, 'kwokctl'),
    ['create', 'cluster', '--name', o.name, '--runtime', 'binary', '--kubeconfig', o.kubeconfig, '--config', config, '--wait', '120s', '--quiet-pull'],
    { env: kwokEnv(o), maxBuffer: 16 << 20 },
  ).catch((err) => {
    throw new Error(`kwokctl could not create the cluster "${o.name}": ${String(err.stderr || err.message).trim().split('\n').slice(-5).join('\n')}`, { cause: err });
  });
  secureKeys(o);
  progress('adding the nodes wheelhouse-control-plane, wheelhouse-worker, wheelhouse-worker2');
  const docs = [...nodeManifests(), storageClassManifest()].map((m) => stringify(m)).join('---\n');
  await kubectlApply(o, docs);
  startVolumeProvisioner(o);
  progress('waiting for the nodes to be Ready');
  await run(bin(o, 'kubectl'), ['--kubeconfig', o.kubeconfig, 'wait', '--for=condition=Ready', 'node', '--all', '--timeout=60s'], { env: kwokEnv(o) });
  await installAddonApis(o);
}

/**
 * The add-on APIs that lessons and labs use (Gateway API, VerticalPodAutoscaler): their CRDs, at the
 * versions pinned in tools/kube/versions.env, so their objects are stored and validated by the real
 * API server. On kind the labs that need them install them as add-ons; kwok has no images to pull,
 * and tools/crds/fetch.sh takes the files from the projects' Go modules (Go builds kwok's binaries too).
 */
async function installAddonApis(o: KwokClusterOptions): Promise<void> {
  (o.onProgress ?? (() => {}))('installing the Gateway API and VerticalPodAutoscaler CRDs');
  const fetched = await run('bash', [join(repoRoot, 'tools', 'crds', 'fetch.sh')], { env: kwokEnv(o), maxBuffer: 16 << 20 }).catch((err) => {
    throw new Error(`tools/crds/fetch.sh could not fetch the add-on CRDs: ${String(err.stderr || err.message).trim().split('\n').slice(-3).join('\n')}`, { cause: err });
  });
  const crds = fetched.stdout.trim();
  await run(bin(o, 'kubectl'), ['--kubeconfig', o.kubeconfig, 'apply', '--server-side', '-f', crds], { env: kwokEnv(o), maxBuffer: 16 << 20 });
  await run(bin(o, 'kubectl'), ['--kubeconfig', o.kubeconfig, 'wait', '--for=condition=Established', 'crd', '--all', '--timeout=60s'], { env: kwokEnv(o) });
}

async function kubectlApply(o: KwokClusterOptions, yamlText: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const p = spawn(bin(o, 'kubectl'), ['--kubeconfig', o.kubeconfig, 'apply', '--server-side', '-f', '-'], { env: kwokEnv(o), stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`kubectl apply failed: ${err.trim()}`))));
    p.stdin.on('error', () => {}); // kubectl may end before reading it all: its exit code says why
    p.stdin.end(yamlText);
  });
  // Node status is a subresource: set capacity and nodeInfo the way a kubelet would.
  for (const node of nodeManifests() as any[]) {
    await run(bin(o, 'kubectl'), ['--kubeconfig', o.kubeconfig, 'patch', 'node', node.metadata.name, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: node.status })], { env: kwokEnv(o) });
  }
}

function startVolumeProvisioner(o: KwokClusterOptions): void {
  const dir = clusterDir(o);
  const log = openSync(join(dir, 'wheelhouse-volumes.log'), 'a');
  const p = spawn(process.execPath, [join(here, 'kwok-volumes.ts'), '--kubeconfig', o.kubeconfig], { detached: true, stdio: ['ignore', log, log] });
  p.unref();
  writeFileSync(join(dir, 'wheelhouse-volumes.pid'), String(p.pid));
}

/** Starts a kwok cluster's processes again (after a reboot or `kwokctl stop`), and the volume provisioner with them. */
export async function startKwokCluster(o: KwokClusterOptions): Promise<void> {
  prepareWorkdir(o);
  secureKeys(o);
  await run(bin(o, 'kwokctl'), ['start', 'cluster', '--name', o.name], { env: kwokEnv(o), maxBuffer: 16 << 20 }).catch((err) => {
    throw new Error(`kwokctl could not start the cluster "${o.name}": ${String(err.stderr || err.message).trim().split('\n').slice(-5).join('\n')}`, { cause: err });
  });
  // The provisioner of the previous start may still run (kwokctl stop does not know it): one is enough.
  stopVolumeProvisioner(o);
  startVolumeProvisioner(o);
}

function stopVolumeProvisioner(o: KwokClusterOptions): void {
  const pidFile = join(clusterDir(o), 'wheelhouse-volumes.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  // After a reboot the number may belong to another program now: stop it only if it is ours.
  if (!Number.isInteger(pid) || pid <= 0 || !commandOf(pid).includes('kwok-volumes')) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

function commandOf(pid: number): string {
  try {
    if (existsSync('/proc')) return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

export async function deleteKwokCluster(o: KwokClusterOptions): Promise<void> {
  stopVolumeProvisioner(o);
  await run(bin(o, 'kwokctl'), ['delete', 'cluster', '--name', o.name, '--kubeconfig', o.kubeconfig], { env: kwokEnv(o) });
}

/** kwokctl's configuration: every component (etcd, API server, controllers, kwok) on 127.0.0.1. */
function kwokctlConfig(): string {
  return stringify({ apiVersion: 'config.kwok.x-k8s.io/v1alpha1', kind: 'KwokctlConfiguration', options: { bindAddress: '127.0.0.1' } });
}
