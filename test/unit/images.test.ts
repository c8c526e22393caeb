// The course's image list (what `lab prefetch` pulls and CI builds stand-ins for) is derived from
// the labs; prefetch pulls what Docker lacks and loads everything into the kind nodes in one call.
import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { courseImages, manifestImages, normalizeImage, scriptImages, UNPULLABLE } from '../../checker/lab/images.ts';
import { listLabs } from '../../checker/lab/load.ts';
import { prefetch } from '../../checker/lifecycle/prefetch.ts';
import { silentProgress } from '../../checker/lifecycle/progress.ts';
import type { RunOptions, RunResult, System } from '../../checker/providers/system.ts';
import { LifecycleError } from '../../checker/core/errors.ts';

describe('images of a lab', () => {
  it('finds containers, init containers and ephemeral containers anywhere in a manifest', () => {
    const cronJob = { spec: { jobTemplate: { spec: { template: { spec: { initContainers: [{ image: 'busybox:1.36' }], containers: [{ image: 'nginx:1.27' }] } } } } } };
    expect([...manifestImages(cronJob)].sort()).toEqual(['busybox:1.36', 'nginx:1.27']);
    expect([...manifestImages({ spec: { ephemeralContainers: [{ image: 'busybox:1.36' }] } })]).toEqual(['busybox:1.36']);
  });

  it('finds what a script runs: --image, image: lines, set image', () => {
    const script = [
      'kubectl run web --image=nginx:1.27 -n x',
      'kubectl create deployment d --image registry.k8s.io/pause:3.10',
      'kubectl set image deployment/web web=nginx:1.28 side=busybox:1.36',
      'cat <<YAML',
      '      - name: c',
      '        image: "curlimages/curl:8.11.1"  # pinned',
      '    properties:',
      '      image:',
      '        type: string',
      'YAML',
      'kubectl run try --image=registry.example.com:5000/team/app --dry-run=server',
    ].join('\n');
    expect([...scriptImages(script)].sort()).toEqual(['busybox:1.36', 'curlimages/curl:8.11.1', 'nginx:1.27', 'nginx:1.28', 'registry.example.com:5000/team/app', 'registry.k8s.io/pause:3.10']);
  });

  it('names an untagged image as Docker does, and leaves out images meant not to exist', () => {
    expect(normalizeImage('nginx')).toBe('nginx:latest');
    expect(normalizeImage('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(normalizeImage('nginx:1.27')).toBe('nginx:1.27');
    expect(UNPULLABLE.test('nginx:1.27-nope')).toBe(true);
    expect(UNPULLABLE.test('registry.example.com:5000/team/app:latest')).toBe(true);
    expect(UNPULLABLE.test('nginx:1.27')).toBe(false);
  });

  it('lists every image the course runs, with the labs that run it, each once', async () => {
    const images = await courseImages(await listLabs());
    const names = images.map((i) => i.image);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['nginx:1.27', 'busybox:1.36', 'registry.k8s.io/pause:3.10']));
    expect(names.some((n) => UNPULLABLE.test(n))).toBe(false);
    expect(images.find((i) => i.image === 'nginx:1.26')?.labs).toEqual(['lab-07']);
    // The add-ons' images come from lab.yaml.
    expect(images.find((i) => i.from.some((f) => f === 'addon:metrics-server'))).toBeDefined();
  });
});

interface Call {
  cmd: string;
  args: string[];
}

function fakeDocker(have: string[], opts: { pullFails?: string[]; kindCluster?: boolean } = {}): System & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    env: {},
    which: (name) => `/bin/${name}`,
    async run(cmd: string, args: string[], _o: RunOptions = {}): Promise<RunResult> {
      calls.push({ cmd, args });
      const ok = { code: 0, stdout: '', stderr: '' };
      if (cmd === 'docker' && args[0] === 'info') return { ...ok, stdout: '28.2.2\n' };
      if (cmd === 'docker' && args[0] === 'image') return have.includes(args.at(-1)!) ? ok : { code: 1, stdout: '', stderr: 'No such image' };
      if (cmd === 'docker' && args[0] === 'pull') return opts.pullFails?.includes(args[1]) ? { code: 1, stdout: '', stderr: 'pull access denied' } : ok;
      if (cmd === 'kind' && args[0] === 'get') return { ...ok, stdout: opts.kindCluster ? 'wheelhouse\n' : '' };
      return ok;
    },
  };
}

async function kubeconfigWithRecord(provider?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wh-prefetch-'));
  if (provider) await writeFile(join(dir, 'cluster.json'), JSON.stringify({ provider, name: 'wheelhouse', kubeconfig: join(dir, 'kubeconfig'), context: 'kind-wheelhouse', id: 'x', createdAt: new Date().toISOString() }));
  return join(dir, 'kubeconfig');
}

describe('prefetch', () => {
  const io = (sys: System) => ({ sys, progress: silentProgress, lang: 'en' as const });

  it('pulls only what Docker lacks, then loads all into the kind nodes in one call', async () => {
    const sys = fakeDocker(['nginx:1.27'], { kindCluster: true });
    const r = await prefetch(['nginx:1.27', 'busybox:1.36'], await kubeconfigWithRecord('kind'), io(sys));
    expect(r).toEqual({ present: ['nginx:1.27'], pulled: ['busybox:1.36'], loadedInto: 'wheelhouse' });
    expect(sys.calls.filter((c) => c.args[0] === 'pull' || c.args[0] === 'load').map((c) => [c.cmd, ...c.args].join(' '))).toEqual([
      'docker pull busybox:1.36',
      'kind load docker-image nginx:1.27 busybox:1.36 --name wheelhouse',
    ]);
  });

  it('without a kind cluster the images wait in Docker', async () => {
    const sys = fakeDocker([]);
    const r = await prefetch(['nginx:1.27'], await kubeconfigWithRecord(), io(sys));
    expect(r.loadedInto).toBeUndefined();
    expect(sys.calls.some((c) => c.cmd === 'kind' && c.args[0] === 'load')).toBe(false);
  });

  it('tries every image, then fails (exit 1) naming the ones it could not pull', async () => {
    const sys = fakeDocker([], { pullFails: ['ghcr.io/x/y:1'] });
    const err = (await prefetch(['ghcr.io/x/y:1', 'nginx:1.27'], await kubeconfigWithRecord('kind'), io(sys)).catch((e) => e)) as LifecycleError;
    expect(err).toBeInstanceOf(LifecycleError);
    expect(err.exitCode).toBe(1);
    expect(err.message).toContain('ghcr.io/x/y:1');
    expect(sys.calls.some((c) => c.args[0] === 'pull' && c.args[1] === 'nginx:1.27')).toBe(true);
    expect(err.say('ko')).toContain('받지 못했습니다');
  });

  it('says to start Docker when it does not answer (exit 2, nothing pulled)', async () => {
    const sys: System = { env: {}, which: () => '/bin/docker', run: async () => ({ code: 1, stdout: '', stderr: 'Cannot connect to the Docker daemon' }) };
    const err = (await prefetch(['nginx:1.27'], await kubeconfigWithRecord(), io(sys)).catch((e) => e)) as LifecycleError;
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('not running');
  });
});
