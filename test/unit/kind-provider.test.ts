// The kind provider is thin: these tests pin what it asks kind and Docker to do, and what it
// says when they are missing. A fake machine stands in for PATH lookups and programs.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { createKindCluster, dockerResources, kindConfig, kindCreateArgs, kindDeleteArgs, kindNodeContainers, kindNodeImage, kindReadiness, parseKindVersion, preloadImages, publishedNodeImages, startKindNodes, type KindNotice } from '../../checker/providers/kind.ts';
import { chooseProvider } from '../../checker/providers/index.ts';
import { LifecycleError } from '../../checker/core/errors.ts';
import type { RunOptions, RunResult, System } from '../../checker/providers/system.ts';

const versions = readFileSync('tools/kube/versions.env', 'utf8');
const pinned = /^KUBE_VERSION=(\S+)/m.exec(versions)![1];
const pinnedKind = /^KIND_VERSION=(\S+)/m.exec(versions)?.[1];
const image = kindNodeImage(pinned, {});

interface Call {
  cmd: string;
  args: string[];
  input?: string;
}

/** A machine with the given programs on PATH; `answers` decides each program's result. */
function fakeSystem(programs: string[], answers: (c: Call) => Partial<RunResult> = () => ({})): System & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    env: { PATH: '/fake/bin' },
    which: (name) => (programs.includes(name) ? `/fake/bin/${name}` : undefined),
    async run(cmd: string, args: string[], opts: RunOptions = {}) {
      const call = { cmd, args, input: opts.input };
      calls.push(call);
      return { code: 0, stdout: '', stderr: '', ...answers(call) };
    },
  };
}

const dockerUp = (c: Call): Partial<RunResult> => (c.cmd === 'docker' && c.args[0] === 'info' ? { stdout: '28.2.2\n' } : {});

describe('kind config', () => {
  it('is one control plane and two workers on the pinned node image, by digest', () => {
    const config = parse(kindConfig(image));
    expect(config).toEqual({
      kind: 'Cluster',
      apiVersion: 'kind.x-k8s.io/v1alpha4',
      nodes: [
        { role: 'control-plane', image },
        { role: 'worker', image },
        { role: 'worker', image },
      ],
    });
    expect(image).toMatch(new RegExp(`^kindest/node:${pinned.replaceAll('.', '\\.')}@sha256:[0-9a-f]{64}$`));
  });

  it('pins a node image that the pinned kind release publishes (tools/kube/kind-node-images.txt)', () => {
    const { kind, images } = publishedNodeImages();
    expect(kind, 'kind-node-images.txt names the kind release it lists images of').toMatch(/^v\d+\.\d+\.\d+$/);
    expect(kind, 'the kind release of the image list is the one versions.env installs').toBe(pinnedKind);
    expect([...images.keys()], `kind ${kind} publishes a node image for KUBE_VERSION=${pinned}`).toContain(pinned);
    for (const [version, ref] of images) expect(ref).toMatch(new RegExp(`^kindest/node:${version.replaceAll('.', '\\.')}@sha256:[0-9a-f]{64}$`));
    // A version kind does not publish is an error that says so, not a tag that may not exist.
    const err = (() => {
      try {
        return kindNodeImage('v1.36.3', {});
      } catch (e) {
        return e as LifecycleError;
      }
    })() as LifecycleError;
    expect(err).toBeInstanceOf(LifecycleError);
    expect(err.message).toContain('publishes no node image for Kubernetes v1.36.3');
    expect(err.say('ko')).toContain('노드 이미지');
  });

  it('takes another node image only when WHEELHOUSE_KIND_IMAGE names one', () => {
    expect(kindNodeImage(pinned, { WHEELHOUSE_KIND_IMAGE: 'workshop/kind-node:v1' })).toBe('workshop/kind-node:v1');
    expect(kindNodeImage(pinned, { WHEELHOUSE_KIND_IMAGE: '' })).toBe(image);
  });

  it('reserves what Docker has above 4 CPUs and 8 GiB, so kind nodes offer what simulated ones do', () => {
    const config = parse(kindConfig(image, { cpus: 12, memoryBytes: 32 * 1024 ** 3 }));
    expect(config.kubeadmConfigPatches.map((p: string) => parse(p))).toEqual([{ kind: 'KubeletConfiguration', systemReserved: { cpu: '8000m', memory: '24576Mi' } }]);
    expect(config.nodes).toHaveLength(3);
    // A Docker smaller than a simulated node: nothing reserved, nothing patched.
    expect(parse(kindConfig(image, { cpus: 2, memoryBytes: 4 * 1024 ** 3 })).kubeadmConfigPatches).toBeUndefined();
    expect(parse(kindConfig(image, { cpus: 8, memoryBytes: 6 * 1024 ** 3 })).kubeadmConfigPatches.map((p: string) => parse(p))).toEqual([{ kind: 'KubeletConfiguration', systemReserved: { cpu: '4000m' } }]);
  });

  it('tells the kubelets to run on a cgroup v1 host (kubelet 1.35+ refuses it by default)', () => {
    const patches = (c: string) => parse(c).kubeadmConfigPatches?.map((p: string) => parse(p));
    expect(patches(kindConfig(image, { cpus: 2, memoryBytes: 4 * 1024 ** 3, cgroupVersion: 1 }))).toEqual([{ kind: 'KubeletConfiguration', failCgroupV1: false }]);
    expect(patches(kindConfig(image, { cpus: 12, memoryBytes: 32 * 1024 ** 3, cgroupVersion: 1 }))).toEqual([{ kind: 'KubeletConfiguration', systemReserved: { cpu: '8000m', memory: '24576Mi' }, failCgroupV1: false }]);
    expect(patches(kindConfig(image, { cpus: 2, memoryBytes: 4 * 1024 ** 3, cgroupVersion: 2 }))).toBeUndefined();
  });

  it('reads Docker\'s CPUs, memory and cgroup version from docker info, or nothing when it does not say', async () => {
    expect(await dockerResources(fakeSystem(['docker'], () => ({ stdout: '16 67108864000 2\n' })))).toEqual({ cpus: 16, memoryBytes: 67108864000, cgroupVersion: 2 });
    expect(await dockerResources(fakeSystem(['docker'], () => ({ stdout: '16 67108864000 <no value>\n' })))).toEqual({ cpus: 16, memoryBytes: 67108864000 });
    expect(await dockerResources(fakeSystem(['docker'], () => ({ stdout: '<no value>\n' })))).toBeUndefined();
    expect(await dockerResources(fakeSystem(['docker'], () => ({ code: 1, stderr: 'Cannot connect' })))).toBeUndefined();
  });

  it('creates and deletes with Wheelhouse\'s own kubeconfig and the config on standard input', () => {
    const o = { name: 'wheelhouse', kubeconfig: '/repo/.wheelhouse/kubeconfig' };
    expect(['kind', ...kindCreateArgs(o)].join(' ')).toBe('kind create cluster --name wheelhouse --kubeconfig /repo/.wheelhouse/kubeconfig --config - --wait 120s');
    expect(['kind', ...kindDeleteArgs(o)].join(' ')).toBe('kind delete cluster --name wheelhouse --kubeconfig /repo/.wheelhouse/kubeconfig');
  });
});

describe('creating a kind cluster', () => {
  it('runs exactly kind create cluster, feeding it the generated config sized from docker info', async () => {
    const sys = fakeSystem(['kind', 'docker'], (c) => (c.cmd === 'docker' && c.args.includes('{{.NCPU}} {{.MemTotal}} {{.CgroupVersion}}') ? { stdout: '12 34359738368 2\n' } : dockerUp(c)));
    const notices: KindNotice[] = [];
    await createKindCluster({ name: 'wheelhouse', kubeconfig: '/k' }, sys, undefined, (n) => notices.push(n));
    const create = sys.calls.find((c) => c.cmd === 'kind' && c.args[0] === 'create')!;
    expect(create.args).toEqual(['create', 'cluster', '--name', 'wheelhouse', '--kubeconfig', '/k', '--config', '-', '--wait', '120s']);
    expect(create.input).toBe(kindConfig(image, { cpus: 12, memoryBytes: 34359738368, cgroupVersion: 2 }));
    expect(create.input).toContain('systemReserved');
    expect(notices).toEqual([]);
  });

  it('says once that a cgroup v1 host is run anyway, and which image WHEELHOUSE_KIND_IMAGE chose', async () => {
    const fake = fakeSystem(['kind', 'docker'], (c) => (c.cmd === 'docker' && c.args.includes('{{.NCPU}} {{.MemTotal}} {{.CgroupVersion}}') ? { stdout: '2 4294967296 1\n' } : dockerUp(c)));
    const sys = { ...fake, env: { ...fake.env, WHEELHOUSE_KIND_IMAGE: 'wheelhouse.local/kind-node:v1' } };
    const notices: KindNotice[] = [];
    await createKindCluster({ name: 'wheelhouse', kubeconfig: '/k' }, sys, undefined, (n) => notices.push(n));
    expect(notices).toEqual([{ key: 'kindCgroupV1' }, { key: 'kindImageOverride', image: 'wheelhouse.local/kind-node:v1' }]);
    const create = sys.calls.find((c) => c.cmd === 'kind' && c.args[0] === 'create')!;
    expect(parse(create.input!).nodes.map((n: { image: string }) => n.image)).toEqual(Array(3).fill('wheelhouse.local/kind-node:v1'));
    expect(create.input).toContain('failCgroupV1: false');
  });

  it('reports kind\'s own error when creation fails (exit 1)', async () => {
    const sys = fakeSystem(['kind', 'docker'], (c) => (c.cmd === 'kind' ? { code: 1, stderr: 'ERROR: failed to create cluster: node(s) already exist for a cluster with the name "wheelhouse"' } : dockerUp(c)));
    const err = await createKindCluster({ name: 'wheelhouse', kubeconfig: '/k' }, sys).catch((e) => e);
    expect(err).toBeInstanceOf(LifecycleError);
    expect(err.exitCode).toBe(1);
    expect(err.message).toContain('already exist for a cluster with the name "wheelhouse"');
  });

  const missing = async (sys: System) => {
    const err = (await createKindCluster({ name: 'wheelhouse', kubeconfig: '/k' }, sys).catch((e) => e)) as LifecycleError;
    expect(err).toBeInstanceOf(LifecycleError);
    expect(err.code).toBe('missing-tool');
    expect(err.exitCode).toBe(2);
    return err;
  };

  it('says how to install kind when it is missing, and never runs it', async () => {
    const sys = fakeSystem(['docker'], dockerUp);
    const err = await missing(sys);
    expect(err.message).toContain('kind is not installed');
    expect(err.message).toContain('https://kind.sigs.k8s.io/docs/user/quick-start/#installation');
    expect(err.message).toContain('go install sigs.k8s.io/kind@latest');
    expect(err.message).toContain('--provider kwok');
    expect(err.say('ko')).toContain('kind가 설치되어 있지 않습니다');
    expect(sys.calls).toEqual([]);
  });

  it('says how to install Docker when it is missing', async () => {
    const err = await missing(fakeSystem(['kind']));
    expect(err.message).toContain('Docker is not installed');
    expect(err.message).toContain('https://docs.docker.com/');
    expect(err.say('ko')).toContain('도커(Docker)가 설치되어 있지 않습니다');
  });

  it('says to start Docker when it is installed but its daemon does not answer', async () => {
    const sys = fakeSystem(['kind', 'docker'], (c) => (c.cmd === 'docker' ? { code: 1, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' } : {}));
    const err = await missing(sys);
    expect(err.message).toContain('Docker is installed but not running (Cannot connect to the Docker daemon');
    expect(err.message).toContain('systemctl start docker');
    expect(sys.calls.map((c) => c.cmd)).toEqual(['docker']);
  });
});

describe('kind version', () => {
  const kindSays = (version: string) => (c: Call): Partial<RunResult> =>
    c.cmd === 'kind' && c.args[0] === 'version' ? { stdout: `kind ${version} go1.24.6 linux/amd64\n` } : dockerUp(c);
  it('reads the version kind prints', () => {
    expect(parseKindVersion('kind v0.30.0 go1.24.6 linux/amd64')).toEqual([0, 30, 0]);
    expect(parseKindVersion('kind version 0.x-dev')).toBeUndefined();
  });
  it('accepts the kind release whose node images are pinned, and newer', async () => {
    expect(await kindReadiness(fakeSystem(['kind', 'docker'], kindSays(pinnedKind!)))).toEqual({ ok: true });
    expect(await kindReadiness(fakeSystem(['kind', 'docker'], kindSays('v1.0.0')))).toEqual({ ok: true });
  });
  it('refuses an older kind with the version it found and how to update', async () => {
    expect(await kindReadiness(fakeSystem(['kind', 'docker'], kindSays('v0.32.9')))).toEqual({ ok: false, missing: 'kind-old', detail: 'v0.32.9' });
    const err = await chooseProvider('kind', fakeSystem(['kind', 'docker'], kindSays('v0.20.0'))).catch((e) => e);
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain(`kind v0.20.0 is too old: Wheelhouse needs ${pinnedKind} or newer`);
    expect(err.say('ko')).toContain('kind v0.20.0은(는) 너무 오래되었습니다');
    expect(await chooseProvider(undefined, fakeSystem(['kind', 'docker'], kindSays('v0.20.0')))).toEqual({ provider: 'kwok', why: 'whyKwokKindOld' });
  });
});

describe('choosing the provider', () => {
  it('takes kind when kind and a running Docker are there', async () => {
    expect(await chooseProvider(undefined, fakeSystem(['kind', 'docker'], dockerUp))).toEqual({ provider: 'kind' });
    expect(await kindReadiness(fakeSystem(['kind', 'docker'], dockerUp))).toEqual({ ok: true });
  });

  it('falls back to kwok and says why', async () => {
    expect(await chooseProvider(undefined, fakeSystem(['docker'], dockerUp))).toEqual({ provider: 'kwok', why: 'whyKwokNoKind' });
    expect(await chooseProvider(undefined, fakeSystem(['kind']))).toEqual({ provider: 'kwok', why: 'whyKwokNoDocker' });
    expect(await chooseProvider(undefined, fakeSystem(['kind', 'docker'], () => ({ code: 1 })))).toEqual({ provider: 'kwok', why: 'whyKwokDockerDown' });
  });

  it('refuses an explicit --provider kind that cannot work, with the install steps', async () => {
    const err = await chooseProvider('kind', fakeSystem([])).catch((e) => e);
    expect(err).toBeInstanceOf(LifecycleError);
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('kind is not installed');
  });

  it('never asks Docker when kwok is asked for', async () => {
    const sys = fakeSystem([]);
    expect(await chooseProvider('kwok', sys)).toEqual({ provider: 'kwok' });
    expect(sys.calls).toEqual([]);
  });
});

describe('preloading add-on images', () => {
  it('pulls images Docker does not have, then loads each into the kind nodes', async () => {
    const sys = fakeSystem(['kind', 'docker'], (c) => (c.args[0] === 'image' && c.args[2] === 'registry.k8s.io/metrics-server/metrics-server:v0.8.0' ? { code: 1 } : {}));
    await preloadImages('wheelhouse', ['nginx:1.27', 'registry.k8s.io/metrics-server/metrics-server:v0.8.0'], sys);
    expect(sys.calls.map((c) => [c.cmd, ...c.args].join(' '))).toEqual([
      'docker image inspect nginx:1.27',
      'kind load docker-image nginx:1.27 --name wheelhouse',
      'docker image inspect registry.k8s.io/metrics-server/metrics-server:v0.8.0',
      'docker pull registry.k8s.io/metrics-server/metrics-server:v0.8.0',
      'kind load docker-image registry.k8s.io/metrics-server/metrics-server:v0.8.0 --name wheelhouse',
    ]);
  });
});

describe('a kind cluster whose node containers were stopped', () => {
  const ps = (states: string) => (c: Call): Partial<RunResult> => (c.cmd === 'docker' && c.args[0] === 'ps' ? { stdout: states } : {});
  it('lists the node containers by kind\'s cluster label, with whether each runs', async () => {
    const sys = fakeSystem(['docker'], ps('wheelhouse-worker exited\nwheelhouse-control-plane running\n'));
    expect(await kindNodeContainers('wheelhouse', sys)).toEqual([
      { name: 'wheelhouse-control-plane', running: true },
      { name: 'wheelhouse-worker', running: false },
    ]);
    expect(sys.calls[0].args).toEqual(['ps', '-a', '--filter', 'label=io.x-k8s.kind.cluster=wheelhouse', '--format', '{{.Names}} {{.State}}']);
  });

  it('starts only the stopped ones, and says when there was nothing to start', async () => {
    const sys = fakeSystem(['docker'], ps('wheelhouse-control-plane exited\nwheelhouse-worker exited\nwheelhouse-worker2 running\n'));
    expect(await startKindNodes('wheelhouse', sys)).toBe(true);
    expect(sys.calls.at(-1)!.args).toEqual(['start', 'wheelhouse-control-plane', 'wheelhouse-worker']);
    expect(await startKindNodes('wheelhouse', fakeSystem(['docker'], ps('wheelhouse-control-plane running\n')))).toBe(false);
    expect(await startKindNodes('wheelhouse', fakeSystem([], ps('')))).toBe(false);
  });
});
