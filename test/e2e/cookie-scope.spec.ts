// Where Chromium sends the token cookie (#14). Cookies are not separated by port: set for
// 127.0.0.1, the token would reach every server on 127.0.0.1, such as the Pod the course's own
// `kubectl port-forward … 8080:80` step exposes. So `npm start` serves on a name of its own,
// wh-<random>.localhost, which browsers resolve to loopback without DNS (RFC 6761), and sets the
// token cookie for that name and for /api/ only. Measured here with the real browser: the name
// opens the course and its terminal; a "Pod" on another port of 127.0.0.1 or localhost gets no
// token; the fallback link on 127.0.0.1 limits the leak to /api/ paths.
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../../checker/core/paths.ts';

let site: ChildProcess;
let info: { port: number; token: string; name: string; url: string; fallback: string };
let pod: Server;
let podPort: number;
const seen: { host: string; path: string; cookie: string }[] = [];

test.beforeAll(async () => {
  site = spawn(process.execPath, [join(repoRoot, 'test', 'support', 'serve-site.ts')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  info = await new Promise((resolve) => site.stdout!.once('data', (d) => resolve(JSON.parse(String(d).split('\n')[0]))));
  // What a port-forwarded Pod would see.
  pod = createServer((req, res) => {
    seen.push({ host: req.headers.host ?? '', path: req.url ?? '', cookie: req.headers.cookie ?? '' });
    res.end('a pod\n');
  });
  await new Promise<void>((r) => pod.listen(0, '127.0.0.1', r));
  podPort = (pod.address() as AddressInfo).port;
});

test.afterAll(() => {
  site.kill('SIGTERM');
  pod.close();
});

test.describe.configure({ mode: 'serial' });

test('the start URL names the server wh-<random>.localhost, Chromium opens it, and the terminal works under it', async ({ page, context }) => {
  expect(info.url).toMatch(new RegExp(`^http://wh-[0-9a-f]{8}\\.localhost:${info.port}/\\?token=`));
  const response = await page.goto(info.url);
  expect(response?.status()).toBe(200);
  expect(page.url()).toBe(`http://${info.name}:${info.port}/`);
  const token = (await context.cookies()).find((c) => c.name === `wheelhouse-token-${info.port}`)!;
  expect(token).toMatchObject({ domain: info.name, path: '/api/', httpOnly: true, sameSite: 'Strict' });
  // The page's own requests carry it: the API and the terminal's WebSocket.
  expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(200);
  const hello = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const ws = new WebSocket(`ws://${location.host}/api/terminal`);
        ws.onmessage = (e) => (resolve(JSON.parse(e.data).t), ws.close());
        ws.onclose = (e) => reject(new Error(`closed ${e.code}`));
      }),
  );
  expect(hello).toBe('hello');
});

test('a Pod on another port of 127.0.0.1 or localhost gets no token', async ({ page }) => {
  await page.goto(info.url);
  for (const url of [`http://127.0.0.1:${podPort}/`, `http://127.0.0.1:${podPort}/api/x`, `http://localhost:${podPort}/`, `http://localhost:${podPort}/api/x`]) await page.goto(url);
  const visits = seen.filter((s) => !s.path.startsWith('/favicon'));
  expect(visits.map((s) => `${s.host}${s.path}`)).toEqual([`127.0.0.1:${podPort}/`, `127.0.0.1:${podPort}/api/x`, `localhost:${podPort}/`, `localhost:${podPort}/api/x`]);
  for (const s of visits) expect(s.cookie, `${s.host}${s.path}`).not.toContain('wheelhouse-token');
});

test('the fallback link on 127.0.0.1 works too, and its cookie goes to /api/ paths only (what the name avoids)', async ({ page, context }) => {
  await context.clearCookies();
  seen.length = 0;
  expect(info.fallback).toBe(`http://127.0.0.1:${info.port}/?token=${info.token}`);
  await page.goto(info.fallback);
  expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(200);
  for (const url of [`http://127.0.0.1:${podPort}/`, `http://127.0.0.1:${podPort}/api/x`]) await page.goto(url);
  const at = (path: string) => seen.find((s) => s.path === path)!.cookie;
  expect(at('/')).not.toContain('wheelhouse-token');
  expect(at('/api/x')).toContain('wheelhouse-token');
});
