// A lab done entirely in the browser, against the real test cluster: the terminal runs kubectl,
// the reference solution is applied from it, Check grades it, and progress survives a reload.
// Then the guards: no token, wrong Origin, a traversal lab id, garbage on the socket, loopback only.
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { test, expect, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { loadLab } from '../../checker/lab/load.ts';

const token = process.env.WHEELHOUSE_E2E_TOKEN!;
const base = 'http://127.0.0.1:4399';
const NODES = ['wheelhouse-control-plane', 'wheelhouse-worker', 'wheelhouse-worker2'];

test.beforeAll(() => {
  // The live tests need the suite's cluster: without it they fail, never skip.
  if (!process.env.WHEELHOUSE_TEST_KUBECONFIG) throw new Error('No test cluster: run the browser tests through `npm test` (or `npm run test:e2e`), which starts one.');
});

/** The terminal's visible text (xterm draws its rows into the DOM). */
const screen = (page: Page) => page.locator('.wh-terminal .xterm-rows');

async function typeInTerminal(page: Page, text: string) {
  await page.locator('.wh-terminal').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test.describe.configure({ mode: 'serial' });

test('lab-07 in the browser: terminal, reference solution, Check, progress kept', async ({ page }) => {
  test.setTimeout(240_000);
  const lab = await loadLab('lab-07');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // The start URL swaps the token for a cookie and drops it from the address.
  await page.goto(`/?token=${token}`);
  await expect(page).toHaveURL(/\/en\/$/);

  await page.goto('/en/labs/lab-07/');
  await expect(page.locator('#lab-live .wh-bar-controls')).toBeVisible();
  await expect(page.locator('#lab-live .wh-static')).toHaveCount(0);

  // Start the lab: progress streams into the page.
  await page.getByRole('button', { name: 'Start lab' }).click();
  await expect(page.locator('.wh-log')).toContainText('lab-07', { timeout: 60_000 });
  await expect(page.locator('.wh-log')).toContainText(/✓ lab-07 is ready/, { timeout: 60_000 });

  // A real shell with kubectl pointed at the lab cluster.
  await expect(page.locator('.wh-term-status')).toHaveText('Connected', { timeout: 20_000 });
  await typeInTerminal(page, 'kubectl get nodes');
  for (const n of NODES) await expect(screen(page)).toContainText(n, { timeout: 20_000 });

  // The reference solution, typed into the terminal as a learner would run it.
  await typeInTerminal(page, 'clear; bash labs/lab-07-rolling-update/solution/solve.sh >/tmp/wh-e2e-solve.log 2>&1; echo "SOLVED=$?"');
  await expect(screen(page)).toContainText('SOLVED=0', { timeout: 180_000 });

  // Check: every API task passes; container tasks say they need real nodes (each task marked in place).
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.locator('.wh-score')).toBeVisible({ timeout: 30_000 });
  for (const task of lab.tasks) {
    const want = task.runtime === 'containers' ? 'skipped' : 'pass';
    await expect(page.locator(`li.wh-task[data-task="${task.id}"]`), task.id).toHaveAttribute('data-outcome', want, { timeout: 30_000 });
  }
  const points = lab.tasks.filter((t) => t.runtime !== 'containers').reduce((s, t) => s + t.points, 0);
  await expect(page.locator('.wh-score')).toContainText(`${points}/${points}`);
  await page.screenshot({ path: 'test-results/screenshots/lab-live-en-1280.png', fullPage: true });

  // Reload: the same shell comes back with what it printed, and the progress is kept.
  await page.reload();
  await expect(page.locator('.wh-term-status')).toHaveText('Connected', { timeout: 20_000 });
  await expect(screen(page)).toContainText('SOLVED=0', { timeout: 20_000 });
  await expect(page.locator('.wh-check-results')).toContainText(`${points}/${points}`);
  await page.goto('/en/');
  await expect(page.locator(`.wh-modules a[href="/en/labs/lab-07/"] .wh-mark`)).toHaveAttribute('data-state', 'done');
  expect(errors).toEqual([]);
});

test('the Check panel speaks Korean on the Korean page', async ({ page }) => {
  // Any page works as the start URL.
  await page.goto(`/ko/labs/lab-07/?token=${token}`);
  await expect(page).toHaveURL(/\/ko\/labs\/lab-07\/$/);
  await page.getByRole('button', { name: '채점' }).click();
  await expect(page.locator('.wh-score')).toContainText('점수', { timeout: 30_000 });
  await expect(page.locator('li.wh-task .wh-task-outcome').first()).toHaveText('통과');
  await expect(page.locator('li.wh-task.wh-real-nodes .wh-badge').getByText('실제 노드 필요').first()).toBeVisible();
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: 'test-results/screenshots/lab-live-ko-390.png', fullPage: true });
});

test('without the token the lab page stays static and the API refuses', async ({ page, request }) => {
  await page.goto('/en/labs/lab-07/');
  await expect(page.locator('#lab-live .wh-static')).toBeVisible();
  await expect(page.locator('#lab-live .wh-bar-controls')).toBeHidden();
  await expect(page.locator('#lab-live .wh-terminal')).toBeHidden();
  const r = await request.post('/api/labs/lab-07/check', { headers: { cookie: '' } });
  expect(r.status()).toBe(401);
  const wrong = await request.get('/api/session', { headers: { authorization: 'Bearer not-the-token' } });
  expect(wrong.status()).toBe(401);
});

/** Opens the terminal socket; resolves with the HTTP status of a refusal, or the open socket. */
type Frame = { t: string; [k: string]: unknown };

/** Opens the terminal socket; frames are collected from the first one on (the server greets at once). */
function openSocket(headers: Record<string, string>, query = ''): Promise<{ status: number; ws?: WebSocket; frames: Frame[] }> {
  return new Promise((resolve, reject) => {
    const frames: Frame[] = [];
    const ws = new WebSocket(`ws://127.0.0.1:4399/api/terminal${query}`, { headers });
    ws.on('message', (d) => frames.push(JSON.parse(String(d))));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0, frames }));
    ws.once('open', () => resolve({ status: 101, ws, frames }));
    ws.once('error', (e) => (e.message.includes('Unexpected server response') ? undefined : reject(e)));
  });
}

test('the terminal socket refuses a missing token and a foreign Origin', async () => {
  expect((await openSocket({ origin: base })).status).toBe(401);
  expect((await openSocket({ origin: base, authorization: 'Bearer wrong' })).status).toBe(401);
  expect((await openSocket({ origin: 'http://evil.example', authorization: `Bearer ${token}` })).status).toBe(403);
  expect((await openSocket({ authorization: `Bearer ${token}` })).status).toBe(403);
});

test('garbage on the terminal socket gets a clear message, and the shell survives', async () => {
  const headers = { origin: base, authorization: `Bearer ${token}` };
  const first = await openSocket(headers);
  expect(first.status).toBe(101);
  const ws = first.ws!;
  const messages = first.frames;
  await expect.poll(() => messages.find((m) => m.t === 'hello')).toBeTruthy();
  const session = messages.find((m) => m.t === 'hello')!.session as string;
  ws.send(JSON.stringify({ t: 'in', d: 'echo kept-$((40+2))\r' }));
  await expect.poll(() => messages.filter((m) => m.t === 'out').map((m) => m.d).join('')).toContain('kept-42');
  const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
  ws.send('this is not json');
  expect(await closed).toBe(4400);
  expect(messages.find((m) => m.t === 'error')?.message).toMatch(/not JSON/);

  // Nothing lost: the same shell, with its output, on a new connection.
  const again = await openSocket(headers, `?session=${session}`);
  const replay = again.frames;
  await expect.poll(() => replay.find((m) => m.t === 'hello')?.reattached).toBe(true);
  await expect.poll(() => replay.filter((m) => m.t === 'out').map((m) => m.d).join('')).toContain('kept-42');
  again.ws!.close();
});

test('a lab id is looked up, never used as a path', async ({ request }) => {
  const auth = { authorization: `Bearer ${token}` };
  for (const id of ['..%2F..%2Fetc%2Fpasswd', '..', 'lab-07%00', 'lab-99', '%2Fetc']) {
    const r = await request.post(`/api/labs/${id}/check`, { headers: auth });
    expect(r.status(), id).toBe(404);
    expect((await r.json()).error.code, id).toMatch(/unknown-lab|not-found/);
  }
  const r = await request.get('/api/labs/lab-07', { headers: auth });
  expect(r.status()).toBe(200);
});

test('the server listens on loopback only', async () => {
  const outside = Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal && a.family === 'IPv4').map((a) => a!.address);
  expect(outside.length, 'this machine has a non-loopback address to try').toBeGreaterThan(0);
  for (const address of outside) {
    const reached = await new Promise<boolean>((resolve) => {
      const s = connect({ host: address, port: 4399 });
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    expect(reached, `port 4399 on ${address}`).toBe(false);
  }
});
