// Benchmark: keystroke-to-echo latency of the lab page's terminal — a key sent over the WebSocket,
// through the server and the pseudo-terminal to the shell's tty, and its echo back. Prints p50/p95.
//
//   node bench/terminal.bench.ts [--keys 300]
// Needs no cluster: the shell runs `cat`, so every key is echoed by the terminal itself.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { createLiveServer } from '../site/server/live.ts';

const { values } = parseArgs({ options: { keys: { type: 'string', default: '300' } } });
const keys = Math.max(10, Number(values.keys) || 300);
const token = randomBytes(16).toString('hex');
const tmp = mkdtempSync(join(tmpdir(), 'wh-bench-terminal-'));
const live = createLiveServer({ port: 0, token, distDir: tmp, progressFile: join(tmp, 'progress.json'), env: { ...process.env, SHELL: '/bin/bash' } });
await new Promise<void>((r) => live.server.listen(0, '127.0.0.1', r));
const port = (live.server.address() as AddressInfo).port;

const ws = new WebSocket(`ws://127.0.0.1:${port}/api/terminal?cols=120&rows=40`, { headers: { origin: `http://127.0.0.1:${port}`, authorization: `Bearer ${token}` } });
let output = '';
let waiting: { text: string; resolve: () => void } | undefined;
ws.on('message', (d) => {
  const m = JSON.parse(String(d));
  if (m.t !== 'out') return;
  output += m.d;
  if (waiting && output.includes(waiting.text)) {
    const w = waiting;
    waiting = undefined;
    w.resolve();
  }
});
await new Promise((r) => ws.once('open', r));
const until = (text: string) => new Promise<void>((resolve) => (output.includes(text) ? resolve() : (waiting = { text, resolve })));

// A quiet shell running cat: what is typed comes straight back as the tty's echo.
ws.send(JSON.stringify({ t: 'in', d: "PS1='$ '; stty -ixon; echo READY-$((1+1)); exec cat\r" }));
await until('READY-2');
await new Promise((r) => setTimeout(r, 300));

const times: number[] = [];
const alphabet = 'abcdefghijklmnopqrstuvwxyz';
for (let i = 0; i < keys; i++) {
  const ch = alphabet[i % alphabet.length];
  output = '';
  const t0 = performance.now();
  const echoed = until(ch);
  ws.send(JSON.stringify({ t: 'in', d: ch }));
  await echoed;
  times.push(performance.now() - t0);
  if (i % 60 === 59) ws.send(JSON.stringify({ t: 'in', d: '\r' }));
}
ws.close();
live.terminals.endAll();
live.server.close();

const sorted = [...times].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
console.log(`keystroke → echo over WebSocket + pty, ${keys} keys:`);
console.log(`  p50 ${pct(50).toFixed(2)} ms   p95 ${pct(95).toFixed(2)} ms   max ${sorted[sorted.length - 1].toFixed(2)} ms`);
process.exit(0);
