// The kwok provider's guards, with a stand-in kwokctl that records what it is given (#14):
// - its environment is an allowlist (a learner's KWOK_KUBE_AUTHORIZATION=false would make the lab
//   cluster allow everything; cloud credentials have no business there);
// - the cluster's private keys end up 0600, in a work folder only the owner can enter;
// - every checkout (every kubeconfig folder) has a work folder of its own: a second clone's first
//   `lab up` does not delete the first clone's cluster, and a cluster without a record is never
//   deleted, only reported with the command that would.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKwokCluster, kwokWorkdir } from '../../checker/providers/kwok.ts';
import { LifecycleError } from '../../checker/core/errors.ts';
import { silentProgress } from '../../checker/lifecycle/progress.ts';
import { ensureCluster } from '../../checker/lifecycle/up.ts';
import type { System } from '../../checker/providers/system.ts';

let dir: string;
let bin: string;
let log: string;
const saved: Record<string, string | undefined> = {};
const setEnv = (k: string, v: string) => {
  if (!(k in saved)) saved[k] = process.env[k];
  process.env[k] = v;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wh-kwok-'));
  log = join(dir, 'kwokctl.log');
  const versions = Object.fromEntries([...readFileSync(join(__dirname, '..', '..', 'tools', 'kube', 'versions.env'), 'utf8').matchAll(/^(\w+)=(\S+)/gm)].map((m) => [m[1], m[2]]));
  bin = join(dir, 'cache', 'kube', `${versions.KUBE_VERSION}-etcd${versions.ETCD_VERSION}-kwok${versions.KWOK_VERSION}`, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, '.complete'), '');
  // kwokctl as far as these tests need it: records each call (and its environment), creates a
  // cluster folder with the keys written as kwokctl writes them (umask 022: 0644), deletes one.
  writeFileSync(
    join(bin, 'kwokctl'),
    `#!/bin/sh
echo "$KWOK_WORKDIR|$*" >> '${log}'
env > '${log}.env'
name=
prev=
for a in "$@"; do [ "$prev" = --name ] && name=$a; prev=$a; done
umask 022
case "$1 $2" in
  "create cluster") mkdir -p "$KWOK_WORKDIR/clusters/$name/pki" && echo KEY > "$KWOK_WORKDIR/clusters/$name/pki/ca.key" && echo KEY > "$KWOK_WORKDIR/clusters/$name/pki/admin.key" && echo CRT > "$KWOK_WORKDIR/clusters/$name/pki/ca.crt" && touch "$KWOK_WORKDIR/clusters/$name/kwok.yaml" ;;
  "delete cluster") rm -rf "$KWOK_WORKDIR/clusters/$name" ;;
  *) exit 1 ;;
esac
`,
  );
  // kubectl fails: these tests stop right after kwokctl.
  writeFileSync(join(bin, 'kubectl'), '#!/bin/sh\necho "kubectl: not in this test" >&2\nexit 1\n');
  chmodSync(join(bin, 'kwokctl'), 0o755);
  chmodSync(join(bin, 'kubectl'), 0o755);
  setEnv('WHEELHOUSE_CACHE', join(dir, 'cache'));
  setEnv('XDG_CACHE_HOME', join(dir, 'xdg'));
});
beforeEach(() => rmSync(log, { force: true }));
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dir, { recursive: true, force: true });
});

const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
const machine: System = { env: { PATH: '/usr/bin:/bin' }, which: () => undefined, run: async () => ({ code: 1, stdout: '', stderr: 'not used' }) };

describe('kwokctl', () => {
  it('gets an allowlisted environment: no KWOK_* of the learner\'s (authorization stays on), no credentials', async () => {
    setEnv('KWOK_KUBE_AUTHORIZATION', 'false');
    setEnv('KWOK_KUBE_APISERVER_PORT', '443');
    setEnv('AWS_SECRET_ACCESS_KEY', 'aws-secret-value');
    setEnv('SSH_AUTH_SOCK', '/tmp/agent.sock');
    try {
      const workdir = join(dir, 'env-work');
      await expect(createKwokCluster({ name: 'envtest', kubeconfig: join(dir, 'env', 'kubeconfig'), workdir, binDir: bin })).rejects.toThrow(/kubectl/);
      const env = readFileSync(`${log}.env`, 'utf8');
      expect(env).toContain(`KWOK_WORKDIR=${workdir}`);
      expect(env).toContain('KWOK_KUBE_AUTHORIZATION=true');
      for (const leak of ['KWOK_KUBE_AUTHORIZATION=false', 'KWOK_KUBE_APISERVER_PORT', 'aws-secret-value', 'SSH_AUTH_SOCK']) expect(env, leak).not.toContain(leak);
    } finally {
      for (const k of ['KWOK_KUBE_AUTHORIZATION', 'KWOK_KUBE_APISERVER_PORT', 'AWS_SECRET_ACCESS_KEY', 'SSH_AUTH_SOCK']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
        delete saved[k];
      }
    }
  });

  it('leaves the cluster\'s private keys readable by the owner only, in a work folder only the owner can enter', async () => {
    const workdir = join(dir, 'keys-work');
    await expect(createKwokCluster({ name: 'keys', kubeconfig: join(dir, 'keys', 'kubeconfig'), workdir, binDir: bin })).rejects.toThrow(/kubectl/);
    expect(mode(workdir)).toBe('700');
    expect(mode(join(workdir, 'clusters', 'keys', 'pki', 'ca.key'))).toBe('600');
    expect(mode(join(workdir, 'clusters', 'keys', 'pki', 'admin.key'))).toBe('600');
  });
});

describe('a cluster per checkout', () => {
  /** A checkout's Wheelhouse folder, with the kubeconfig `lab up` would write. */
  const checkout = (name: string) => {
    const folder = join(dir, name, '.wheelhouse');
    mkdirSync(folder, { recursive: true });
    return join(folder, 'kubeconfig');
  };
  const up = (kubeconfig: string) => ensureCluster({ kubeconfig: { path: kubeconfig, source: 'default' }, provider: 'kwok', sys: machine, progress: silentProgress, lang: 'en' });

  it('a second clone\'s first `lab up` leaves the first clone\'s cluster alone', async () => {
    const first = checkout('clone-a');
    const second = checkout('clone-b');
    // The first clone's running cluster, where its kwokctl keeps it.
    const firstCluster = join(kwokWorkdir({ kubeconfig: first }), 'clusters', 'wheelhouse');
    mkdirSync(firstCluster, { recursive: true });
    writeFileSync(join(firstCluster, 'kwok.yaml'), 'first clone\n');

    await expect(up(second)).rejects.toThrow(LifecycleError);
    expect(readFileSync(join(firstCluster, 'kwok.yaml'), 'utf8')).toBe('first clone\n');
    expect(calls().filter((c) => c.startsWith(`${kwokWorkdir({ kubeconfig: first })}|`))).toEqual([]);
    expect(calls().some((c) => c.includes('create cluster'))).toBe(true);
    expect(kwokWorkdir({ kubeconfig: second })).not.toBe(kwokWorkdir({ kubeconfig: first }));
  });

  it('a cluster in its own work folder without a record is reported with the command that deletes it, and not deleted', async () => {
    const kubeconfig = checkout('clone-c');
    const leftover = join(kwokWorkdir({ kubeconfig }), 'clusters', 'wheelhouse');
    mkdirSync(leftover, { recursive: true });
    writeFileSync(join(leftover, 'kwok.yaml'), 'still running\n');
    const err = (await up(kubeconfig).catch((e) => e)) as LifecycleError;
    expect(err).toBeInstanceOf(LifecycleError);
    expect(err.code).toBe('refused');
    expect(err.say('en')).toContain(`KWOK_WORKDIR='${kwokWorkdir({ kubeconfig })}'`);
    expect(err.say('ko')).toContain('delete cluster --name wheelhouse');
    expect(existsSync(join(leftover, 'kwok.yaml'))).toBe(true);
    expect(calls()).toEqual([]);
  });
});
