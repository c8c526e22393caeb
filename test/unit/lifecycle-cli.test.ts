// `npm run lab`: argument parsing, exit codes and output that need no cluster (list, usage
// errors, refusals that happen before any request, missing tools via a fake machine).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLabArgs, runLab, renderStatus } from '../../checker/cli/lab.ts';
import { silentProgress } from '../../checker/lifecycle/progress.ts';
import { listLabs } from '../../checker/lab/load.ts';
import type { System } from '../../checker/providers/system.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wh-lab-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sink() {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true), isTTY: false } as unknown as NodeJS.WritableStream, text: () => text };
}

/** A machine with no kind, no Docker and no kwokctl on PATH; it runs nothing. */
const bareMachine: System = { env: { PATH: '/nowhere' }, which: () => undefined, run: async () => ({ code: 127, stdout: '', stderr: 'not found' }) };

async function lab(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = sink();
  const err = sink();
  const code = await runLab(args, { stdout: out.stream, stderr: err.stream, env: { LANG: 'en_US.UTF-8', ...env }, sys: { ...bareMachine, env: { ...bareMachine.env, ...env } }, progress: silentProgress });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('parseLabArgs', () => {
  it('reads a command, a lab and options, normalising the lab id', () => {
    expect(parseLabArgs(['up', '7', '--provider', 'kwok', '--no-wait'], {})).toEqual({
      kind: 'run',
      options: { command: 'up', lab: 'lab-07', labs: ['lab-07'], provider: 'kwok', kubeconfig: undefined, context: undefined, with: undefined, json: false, wait: false, lang: 'en', langChosen: false },
    });
    expect(parseLabArgs(['solve', 'lab-07-rolling-update', '--with', 'alt-declarative'], {})).toMatchObject({ kind: 'run', options: { command: 'solve', lab: 'lab-07', with: 'alt-declarative' } });
    // prefetch and images take any number of labs (none: the whole course).
    expect(parseLabArgs(['prefetch', 'lab-02', '3'], {})).toMatchObject({ kind: 'run', options: { command: 'prefetch', labs: ['lab-02', 'lab-03'] } });
    expect(parseLabArgs(['images', '--json'], {})).toMatchObject({ kind: 'run', options: { command: 'images', labs: [], json: true } });
    expect(parseLabArgs(['list', '--lang', 'ko'], {})).toMatchObject({ kind: 'run', options: { lang: 'ko', langChosen: true } });
    expect(parseLabArgs(['status'], { LANG: 'ko_KR.UTF-8' })).toMatchObject({ kind: 'run', options: { lang: 'ko', langChosen: false } });
  });

  it.each([
    [[], /Which command/],
    [['start', 'lab-07'], /Unknown command "start"/],
    [['up'], /up needs a lab/],
    [['down', 'lab-07'], /down takes no lab/],
    [['up', 'lab-07', 'lab-02'], /One lab at a time/],
    [['reset', 'lab-07', '--provider', 'kind'], /--provider is for up/],
    [['up', 'lab-07', '--provider', 'minikube'], /--provider must be kind, kwok or existing/],
    [['up', 'lab-07', '--provider', 'existing', '--kubeconfig', 'k'], /needs both --kubeconfig FILE and --context NAME/],
    [['up', 'lab-07', '--context', 'c'], /--context goes with --provider existing/],
    [['reset', 'lab-07', '--with', 'alt-x'], /--with is for solve/],
    [['up', 'lab-07', '--json'], /--json is for status, list and images/],
    [['list', '--lang', 'fr'], /--lang must be en or ko/],
    [['list', '--frobnicate'], /Unknown option '--frobnicate'/],
  ])('%j is a usage error', (argv, message) => {
    const parsed = parseLabArgs(argv as string[], {});
    expect(parsed.kind).toBe('usage');
    expect((parsed as { message: string }).message).toMatch(message);
  });
});

describe('exit codes', () => {
  it('0 for --help, with every command listed', async () => {
    const r = await lab(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['up LAB', 'reset LAB', 'solve LAB', 'status', 'list', 'down']) expect(r.stdout).toContain(c);
    expect((await lab(['--help', '--lang', 'ko'])).stdout).toContain('사용법');
  });

  it('64 for usage errors, with the way to the help', async () => {
    const r = await lab(['up']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('npm run lab -- --help');
  });

  it('64 for a lab id that is not one (checked before the file system), and for an unknown lab', async () => {
    const bad = await lab(['up', '../../etc']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('is not a lab id');
    const unknown = await lab(['reset', 'lab-99']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toMatch(/There is no lab lab-99\. The labs are: lab-\d\d/);
  });

  it('64 for solve --with a script the lab does not have, listing those it has', async () => {
    const r = await lab(['solve', 'lab-07', '--with', 'alt-nope']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/no solution script "alt-nope".*solve/s);
  });

  it('2 with install steps when --provider kind is asked for and kind is missing', async () => {
    const r = await lab(['up', 'lab-07', '--provider', 'kind', '--kubeconfig', join(dir, 'new', 'kubeconfig')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kind is not installed');
    expect(r.stderr).toContain('https://kind.sigs.k8s.io/docs/user/quick-start/#installation');
  });

  it('2 and no change when a mutating command is pointed at a kubeconfig Wheelhouse has no record of', async () => {
    const foreign = join(dir, 'foreign-kubeconfig');
    writeFileSync(foreign, 'apiVersion: v1\nkind: Config\n');
    for (const args of [['reset', 'lab-07'], ['solve', 'lab-07'], ['down'], ['up', 'lab-07']]) {
      const r = await lab([...args, '--kubeconfig', foreign]);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.stderr).toContain('Wheelhouse has no record of creating it');
    }
    const ko = await lab(['reset', 'lab-07', '--kubeconfig', foreign, '--lang', 'ko']);
    expect(ko.stderr).toContain('변경하지 않습니다');
  });

  it('2 from status and reset when there is no cluster; 0 from down, which has nothing to do', async () => {
    const none = join(dir, 'none', 'kubeconfig');
    const s = await lab(['status'], { WHEELHOUSE_KUBECONFIG: none });
    expect(s.code).toBe(2);
    expect(s.stdout).toContain('No Wheelhouse cluster');
    const r = await lab(['reset', 'lab-07'], { WHEELHOUSE_KUBECONFIG: none });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('npm run lab -- up');
    const d = await lab(['down'], { WHEELHOUSE_KUBECONFIG: none });
    expect(d.code).toBe(0);
    expect(d.stdout).toContain('There is no Wheelhouse cluster to delete');
  });
});

describe('list', () => {
  it('shows every lab with its module, minutes, both titles and the real-nodes marker', async () => {
    const labs = await listLabs();
    const r = await lab(['list']);
    expect(r.code).toBe(0);
    for (const l of labs) {
      const line = r.stdout.split('\n').find((x) => x.startsWith(l.id))!;
      expect(line).toMatch(new RegExp(`^${l.id}\\s+${l.module}\\s+${l.minutes}\\s+${l.title.en.replace(/[()]/g, '\\$&')}$`));
      expect(r.stdout).toContain(l.title.ko);
    }
    const lab07 = labs.find((l) => l.id === 'lab-07')!;
    const real = lab07.tasks.filter((t) => t.runtime === 'containers').length;
    expect(r.stdout).toContain(`needs real nodes for ${real} of ${lab07.tasks.length} tasks`);
  });

  it('shows one language with --lang', async () => {
    const r = await lab(['list', '--lang', 'ko']);
    const labs = await listLabs();
    expect(r.stdout).toContain(labs[0].title.ko);
    expect(r.stdout).not.toContain(labs[0].title.en);
    expect(r.stdout).toContain('실제 노드 필요');
  });

  it('prints a versioned JSON document with --json', async () => {
    const r = await lab(['list', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe('wheelhouse.labs/v1');
    const lab07 = doc.labs.find((l: { id: string }) => l.id === 'lab-07');
    expect(lab07).toMatchObject({ module: expect.any(Number), title: { en: expect.any(String), ko: expect.any(String) }, needsRealNodes: true });
    expect(lab07.realNodeTasks).toContain('all-available');
  });
});

describe('renderStatus', () => {
  it('says the cluster, its nodes, whether it is Wheelhouse\'s own and the labs on it', () => {
    const text = renderStatus(
      {
        kubeconfig: '/repo/.wheelhouse/kubeconfig',
        record: { provider: 'kwok', name: 'wheelhouse', kubeconfig: '/repo/.wheelhouse/kubeconfig', context: 'kwok-wheelhouse', createdAt: '', id: 'x' },
        reachable: true,
        server: 'https://127.0.0.1:32766',
        serverVersion: 'v1.37.0',
        simulated: true,
        ownership: 'ok',
        nodes: [{ name: 'wheelhouse-worker', ready: true, roles: [], taints: ['gpu=true:NoSchedule'], unschedulable: true }],
        labs: ['lab-02', 'lab-07'],
        currentLab: 'lab-07',
      },
      'en',
    );
    expect(text).toContain('kwok (wheelhouse)');
    expect(text).toContain('v1.37.0 — simulated nodes (kwok)');
    expect(text).toMatch(/managed by Wheelhouse\s+yes/);
    expect(text).toMatch(/wheelhouse-worker\s+Ready\s+SchedulingDisabled\s+gpu=true:NoSchedule/);
    expect(text).toContain('Labs set up: lab-02, lab-07');
  });

  it('names the stopped kind node containers of a cluster that does not answer, and how to start them', () => {
    const record = { provider: 'kind' as const, name: 'wheelhouse', kubeconfig: '/k', context: 'kind-wheelhouse', createdAt: '', id: 'x' };
    const base = { kubeconfig: '/k', record, reachable: false, error: { code: 'unreachable', message: 'connect ECONNREFUSED 127.0.0.1:40123' } };
    const stopped = renderStatus({ ...base, nodeContainers: [{ name: 'wheelhouse-control-plane', running: false }, { name: 'wheelhouse-worker', running: true }] }, 'en');
    expect(stopped).toContain('The kind node containers are stopped: wheelhouse-control-plane.');
    expect(stopped).toContain('npm run lab -- up LAB starts them again');
    expect(renderStatus({ ...base, nodeContainers: [] }, 'en')).toContain('Docker has no node containers of the kind cluster wheelhouse');
    expect(renderStatus({ ...base, nodeContainers: [{ name: 'wheelhouse-control-plane', running: false }] }, 'ko')).toContain('kind 노드 컨테이너가 멈춰 있습니다');
  });
});
