// `npm run check`: argument parsing, exit codes, and every kind of bad input with its message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { normalizeLabId, parseCheckArgs } from '../../checker/cli/check-args.ts';
import { runCheck, type CheckIo } from '../../checker/cli/check.ts';
import { FakeCluster, clusterFailures } from '../support/fake-cluster.ts';
import { repoRoot } from '../../checker/core/paths.ts';
import { solvedState, startState } from '../fixtures/lab-07-states.ts';
import { defaultHandler, startFakeApiServer, type FakeApiServer } from '../fixtures/fake-api-server.ts';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

interface Run {
  code: number;
  out: string;
  err: string;
}

async function check(argv: string[], opts: { cluster?: FakeCluster; env?: NodeJS.ProcessEnv; labsDir?: string; signal?: AbortSignal } = {}): Promise<Run> {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CheckIo = {
    stdout,
    stderr,
    env: { LANG: 'en_US.UTF-8', ...opts.env },
    labsDir: opts.labsDir,
    signal: opts.signal,
    ...(opts.cluster ? { connect: async () => opts.cluster! } : {}),
  };
  // Quick deadlines: these tests are about exit codes and words, not waiting.
  const code = await runCheck([...argv, ...(argv.includes('--timeout') ? [] : ['--timeout', '0.2'])], io);
  return { code, out: stdout.text, err: stderr.text };
}

const fixtureLabs = join(repoRoot, 'test', 'fixtures', 'labs');

describe('parseCheckArgs', () => {
  it('reads the lab and the options', () => {
    expect(parseCheckArgs(['lab-07', '--json', '--junit', 'out.xml', '--lang', 'ko', '--verbose', '--kubeconfig', 'k', '--timeout', '30', '--request-timeout', '2'], {})).toEqual({
      kind: 'run',
      options: { lab: 'lab-07', json: true, junit: 'out.xml', lang: 'ko', watch: false, verbose: true, kubeconfig: 'k', deadlineMs: 30000, requestTimeoutMs: 2000 },
    });
  });

  it('takes the language from the locale when --lang is not given', () => {
    const lang = (env: NodeJS.ProcessEnv) => (parseCheckArgs(['lab-07'], env) as { options: { lang: string } }).options.lang;
    expect(lang({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(lang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(lang({ LC_ALL: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ko');
    expect(lang({})).toBe('en');
  });

  it.each([
    [[], /Which lab\?/],
    [['lab-07', 'lab-02'], /One lab at a time/],
    [['lab-07', '--bogus'], /Unknown option '--bogus'/],
    [['lab-07', '--lang', 'fr'], /--lang must be en or ko/],
    [['lab-07', '--timeout', 'soon'], /--timeout takes a number of seconds/],
    [['lab-07', '--timeout=-1'], /--timeout takes a number of seconds/],
    [['lab-07', '--timeout', '0'], /--timeout takes a number of seconds/],
    [['lab-07', '--watch', '--json'], /cannot be combined with --json/],
    [['lab-07', '--junit'], /argument missing|requires|--junit/],
  ])('usage error for %j', (argv, message) => {
    const parsed = parseCheckArgs(argv, {});
    expect(parsed.kind).toBe('usage');
    expect((parsed as { message: string }).message).toMatch(message);
  });

  it.each([
    ['lab-07', 'lab-07'],
    ['7', 'lab-07'],
    ['07', 'lab-07'],
    ['lab-7', 'lab-07'],
    ['lab-07-rolling-update', 'lab-07'],
    ['lab-07-rolling-update/', 'lab-07'],
    ['../../etc', '../../etc'],
    ['lab-07/../../etc', 'lab-07/../../etc'],
  ])('normalizes %j to %j', (input, id) => {
    expect(normalizeLabId(input)).toBe(id);
  });
});

describe('exit codes', () => {
  it('1 when some tasks fail, with the report on stdout', async () => {
    const r = await check(['lab-07'], { cluster: new FakeCluster({ objects: startState() }) });
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ web-scaled');
    expect(r.out).toContain('deployment/web spec.replicas: expected 5, found 2');
    expect(r.err).toBe('');
  });

  it('0 when every gradable task passes', async () => {
    const r = await check(['lab-07'], { cluster: new FakeCluster({ objects: solvedState() }) });
    expect(r.code).toBe(0);
    expect(r.out).toContain('All tasks pass.');
  });

  it('--json prints the versioned result; --junit writes the XML file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wheelhouse-junit-'));
    const file = join(dir, 'lab-07.xml');
    const r = await check(['lab-07', '--json', '--junit', file], { cluster: new FakeCluster({ objects: startState() }) });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ version: 'wheelhouse.check/v1', exitCode: 1, lab: { id: 'lab-07' } });
    expect(await readFile(file, 'utf8')).toContain('<testcase classname="lab-07" name="web-scaled"');
  });

  it('messages and hints follow --lang, and the locale by default', async () => {
    const ko = await check(['lab-07', '--lang', 'ko'], { cluster: new FakeCluster({ objects: startState() }) });
    expect(ko.out).toContain('기대값 5, 실제값 2');
    expect(ko.out).toContain('힌트:');
    const fromEnv = await check(['lab-07'], { cluster: new FakeCluster({ objects: startState() }), env: { LANG: 'ko_KR.UTF-8' } });
    expect(fromEnv.out).toContain('점수');
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await check(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/exit codes: 0 all tasks pass, 1 some fail, 2 cannot grade/);
  });
});

describe('bad input', () => {
  it('an unknown lab: usage (64), naming the labs there are', async () => {
    const r = await check(['lab-99']);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/There is no lab lab-99\. The labs are: .*lab-07/);
  });

  it('an id like ../../etc: usage (64), the file system untouched', async () => {
    const r = await check(['../../etc'], { labsDir: '/nonexistent' });
    expect(r.code).toBe(64);
    expect(r.err).toContain('"../../etc" is not a lab id');
  });

  it('a malformed lab.yaml: cannot grade (2), with the file, line and fix', async () => {
    const r = await check(['lab-05'], { labsDir: fixtureLabs });
    expect(r.code).toBe(2);
    expect(r.err).toContain('lab-05 cannot be graded: its files have problems');
    expect(r.err).toContain('test/fixtures/labs/lab-05-broken/lab.yaml: 9 problems');
    expect(r.err).toContain('line 8, tasks[0].points: 12 is too big');
  });

  it('--json still prints JSON when grading cannot start', async () => {
    const r = await check(['lab-05', '--json'], { labsDir: fixtureLabs });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ version: 'wheelhouse.check/v1', exitCode: 2, error: { code: 'broken-lab' }, tasks: [] });
  });

  it('no cluster (no kubeconfig): cannot grade (2), saying how to start one', async () => {
    const r = await check(['lab-07', '--kubeconfig', '/nonexistent/kubeconfig']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Cannot grade lab-07: no kubeconfig at /nonexistent/kubeconfig');
    expect(r.err).toContain('npm run lab -- up lab-07');
  });

  it('the kubeconfig comes from WHEELHOUSE_KUBECONFIG when --kubeconfig is not given', async () => {
    const r = await check(['lab-07'], { env: { WHEELHOUSE_KUBECONFIG: '/nonexistent/from-env' } });
    expect(r.err).toContain('no kubeconfig at /nonexistent/from-env');
  });

  it('a cluster that is down from the start: 2', async () => {
    const cluster = new FakeCluster({ objects: startState() });
    cluster.failure = clusterFailures.down();
    const r = await check(['lab-07'], { cluster });
    expect(r.code).toBe(2);
    expect(r.err).toContain('Cannot grade lab-07: cannot reach https://fake.invalid (ECONNREFUSED)');
    expect(r.err).toContain('npm run lab -- up lab-07');
  });

  it('an API server that goes down mid-run: 2, the tasks it hit marked error', async () => {
    const cluster = new FakeCluster({ objects: startState() });
    cluster.beforeRequest = (req) => {
      if (req.startsWith('get')) cluster.failure = clusterFailures.down();
    };
    const r = await check(['lab-07', '--json'], { cluster });
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(json.tasks.filter((t: { outcome: string }) => t.outcome === 'error').length).toBeGreaterThan(0);
    expect(json.tasks.find((t: { outcome: string }) => t.outcome === 'error').error.code).toBe('unreachable');
  });

  it('a check that throws: error (2), not a failure charged to the learner', async () => {
    const r = await check(['lab-12'], { labsDir: fixtureLabs, cluster: new FakeCluster() });
    expect(r.code).toBe(2);
    expect(r.out).toContain('! buggy');
    expect(r.out).toContain('the check for buggy crashed: this check has a bug (a bug in the lab, not your mistake)');
  });

  it('--watch grades, prints, and stops on the signal with the last exit code', async () => {
    const ac = new AbortController();
    const cluster = new FakeCluster({ objects: solvedState() });
    cluster.beforeRequest = () => {
      setTimeout(() => ac.abort(), 50);
    };
    const r = await check(['lab-07', '--watch'], { cluster, signal: ac.signal });
    expect(r.code).toBe(0);
    expect(r.out).toContain('All tasks pass.');
    expect(r.out).toMatch(/checking again every 2 s/);
  });
});

describe('against an API server that refuses, fails or stalls (the real HTTP client)', () => {
  let api: FakeApiServer;
  beforeAll(async () => {
    api = await startFakeApiServer();
  });
  afterAll(() => api.close());

  it('401 (a bad token): 2', async () => {
    api.handler = () => ({ status: 401, body: { kind: 'Status', code: 401, message: 'Unauthorized' } });
    const r = await check(['lab-07', '--kubeconfig', api.kubeconfig]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/did not accept the credentials in the kubeconfig \(401 Unauthorized\)/);
    expect(r.err).not.toContain('secret-token');
  });

  it('403 (denied): 2, with what was denied', async () => {
    api.handler = (req) => (req.path === '/version' ? defaultHandler(req) : { status: 403, body: { kind: 'Status', code: 403, message: 'nodes is forbidden: User "system:serviceaccount:default:nobody" cannot list resource "nodes"' } });
    const r = await check(['lab-07', '--kubeconfig', api.kubeconfig]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot list resource "nodes"');
  });

  it('a slow API server: the request timeout ends it with 2', async () => {
    api.handler = () => ({ status: 200, hang: true });
    const started = performance.now();
    const r = await check(['lab-07', '--kubeconfig', api.kubeconfig, '--request-timeout', '0.2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/did not answer GET \/version within 0.2 s/);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('the command itself', () => {
  const run = promisify(execFile);
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, [join(repoRoot, 'checker', 'cli', 'check.ts'), ...args], { env: { ...process.env, LANG: 'en_US.UTF-8', ...env } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('exits 64 on an id like ../../etc and 2 without a cluster', async () => {
    const [bad, none] = await Promise.all([cli(['../../etc']), cli(['lab-07', '--kubeconfig', '/nonexistent/kubeconfig'])]);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('is not a lab id');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no kubeconfig at /nonexistent/kubeconfig');
  });
});
