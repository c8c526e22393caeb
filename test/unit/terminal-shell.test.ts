// The lab terminal's shell, as the local server starts it (a real pty, real bash), with a hostile
// ~/.bashrc in a temporary HOME: whatever that file does, kubectl in the terminal is the project's,
// on the lab cluster's kubeconfig; and the shell gets none of the server's secrets (#14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { createLiveServer, type LiveServer } from '../../site/server/live.ts';

const TOKEN = 'shell-test-token-0123456789abcdef0123';
let dir: string;
let home: string;
let labKubeconfig: string;
let projectBin: string;
const savedCache = process.env.WHEELHOUSE_CACHE;
const servers: LiveServer[] = [];

const script = (file: string, text: string) => {
  writeFileSync(file, `#!/bin/sh\n${text}\n`);
  chmodSync(file, 0o755);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wh-shell-'));
  home = join(dir, 'home');
  mkdirSync(join(home, 'bin'), { recursive: true });
  mkdirSync(join(home, '.kube'));
  writeFileSync(join(home, '.kube', 'config'), 'apiVersion: v1\nkind: Config\ncurrent-context: production\n');
  // What kubectl the project built would be: Wheelhouse finds it in its cache (tools/kube/build.sh).
  const versions = Object.fromEntries([...readFileSync(join(__dirname, '..', '..', 'tools', 'kube', 'versions.env'), 'utf8').matchAll(/^(\w+)=(\S+)/gm)].map((m) => [m[1], m[2]]));
  projectBin = join(dir, 'cache', 'kube', `${versions.KUBE_VERSION}-etcd${versions.ETCD_VERSION}-kwok${versions.KWOK_VERSION}`, 'bin');
  mkdirSync(projectBin, { recursive: true });
  writeFileSync(join(projectBin, '.complete'), '');
  script(join(projectBin, 'kubectl'), 'echo "project-kubectl kubeconfig=$KUBECONFIG args=$*"');
  script(join(home, 'bin', 'kubectl'), 'echo "HIJACKED kubectl from ~/bin"');
  process.env.WHEELHOUSE_CACHE = join(dir, 'cache');
  labKubeconfig = join(dir, 'lab', 'kubeconfig');
  mkdirSync(join(dir, 'lab'));
  writeFileSync(labKubeconfig, 'apiVersion: v1\nkind: Config\ncurrent-context: kwok-wheelhouse\n');
});

afterAll(() => {
  for (const s of servers) {
    s.terminals.endAll();
    s.server.close();
  }
  if (savedCache === undefined) delete process.env.WHEELHOUSE_CACHE;
  else process.env.WHEELHOUSE_CACHE = savedCache;
  rmSync(dir, { recursive: true, force: true });
});

/** A server whose environment holds secrets, the user's own kubeconfig, and HOME with the given ~/.bashrc. */
async function terminalWith(bashrc: string) {
  writeFileSync(join(home, '.bashrc'), bashrc);
  const live = createLiveServer({
    port: 0,
    token: TOKEN,
    distDir: dir,
    progressFile: join(dir, 'progress.json'),
    env: {
      HOME: home,
      PATH: process.env.PATH,
      SHELL: '/bin/bash',
      LANG: 'C.UTF-8',
      WHEELHOUSE_KUBECONFIG: labKubeconfig,
      KUBECONFIG: join(home, '.kube', 'config'),
      AWS_SECRET_ACCESS_KEY: 'aws-secret-value',
      GOOGLE_APPLICATION_CREDENTIALS: '/secret/gcp.json',
      SSH_AUTH_SOCK: '/tmp/ssh-agent.sock',
      WHEELHOUSE_TOKEN: TOKEN,
      NODE_OPTIONS: '--require /tmp/evil.js',
    },
  });
  servers.push(live);
  await new Promise<void>((r) => live.server.listen(0, '127.0.0.1', r));
  const port = (live.server.address() as AddressInfo).port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/terminal?cols=200&rows=50`, { headers: { origin: `http://127.0.0.1:${port}`, authorization: `Bearer ${TOKEN}` } });
  let out = '';
  ws.on('message', (d) => {
    const m = JSON.parse(String(d));
    if (m.t === 'out') out += m.d;
  });
  await new Promise((r) => ws.once('open', r));
  let n = 0;
  /** Runs a command line and returns what it printed between two markers. */
  const run = async (line: string) => {
    const mark = `wh-mark-${++n}`;
    ws.send(JSON.stringify({ t: 'in', d: `echo ${mark}-start; ${line}; echo ${mark}-end\r` }));
    const done = new RegExp(`[\\r\\n]${mark}-start\\r?\\n([\\s\\S]*?)${mark}-end`);
    for (let i = 0; i < 400; i++) {
      const m = done.exec(out);
      if (m) return m[1];
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`the terminal never finished ${line}; it showed:\n${JSON.stringify(out)}`);
  };
  return { run, output: () => out, close: () => ws.close() };
}

const HOSTILE = `
export KUBECONFIG="$HOME/.kube/config"
export WHEELHOUSE_KUBECONFIG="$HOME/.kube/config"
export PATH="$HOME/bin:$PATH"
kubectl() { command kubectl --context production "$@"; }
alias kubectl='kubectl --kubeconfig "$HOME/.kube/config"'
PROMPT_COMMAND='export KUBECONFIG="$HOME/.kube/config"'
trap 'export KUBECONFIG="$HOME/.kube/config"' DEBUG
unset() { :; }
alias export=':'
alias unalias=':'
`;

describe('the lab terminal with a hostile ~/.bashrc', { timeout: 30_000 }, () => {
  it('runs the project\'s kubectl on the lab cluster: no alias, function, PATH entry, PROMPT_COMMAND or DEBUG trap of ~/.bashrc gets in the way', async () => {
    const t = await terminalWith(`export FROM_BASHRC=yes\n${HOSTILE}`);
    expect(await t.run('true')).toBe('');
    expect(await t.run('kubectl get nodes')).toMatch(new RegExp(`^project-kubectl kubeconfig=${labKubeconfig} args=get nodes\\r?$`, 'm'));
    // Again, after a prompt (PROMPT_COMMAND) and a command (the DEBUG trap) have had their turn.
    expect(await t.run('echo "$KUBECONFIG"; type -t kubectl; command -v kubectl')).toBe(`${labKubeconfig}\r\nfile\r\n${projectBin}/kubectl\r\n`);
    expect(await t.run('kubectl drain wheelhouse-worker')).toContain(`kubeconfig=${labKubeconfig} args=drain wheelhouse-worker`);
    expect(t.output()).not.toContain('HIJACKED');
    expect(t.output(), JSON.stringify(t.output())).not.toContain('--context production');
    // The user's ~/.bashrc did run (their settings are kept), and the prompt shows the lab's context.
    expect(await t.run('echo "$FROM_BASHRC"')).toBe('yes\r\n');
    expect(t.output()).toContain('[kwok-wheelhouse]');
    t.close();
  });

  it('starts without ~/.bashrc, and says so, when it makes KUBECONFIG read-only', async () => {
    const t = await terminalWith('export KUBECONFIG="$HOME/.kube/config"; readonly KUBECONFIG\n');
    expect(await t.run('kubectl get pods')).toContain(`project-kubectl kubeconfig=${labKubeconfig} args=get pods`);
    expect(t.output()).toContain('this terminal starts without ~/.bashrc');
    t.close();
  });

  it('gets an allowlisted environment: none of the server\'s secrets, its token or NODE_OPTIONS', async () => {
    const t = await terminalWith('');
    const env = await t.run('env | sort');
    for (const secret of ['aws-secret-value', 'AWS_SECRET_ACCESS_KEY', 'GOOGLE_APPLICATION_CREDENTIALS', 'SSH_AUTH_SOCK', TOKEN, 'WHEELHOUSE_TOKEN', 'NODE_OPTIONS']) {
      expect(env, secret).not.toContain(secret);
    }
    expect(env).toContain(`HOME=${home}`);
    expect(env).toContain(`KUBECONFIG=${labKubeconfig}`);
    t.close();
  });
});
