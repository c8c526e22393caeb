// The kind tier's browser test: a lab done in the browser against a real kind cluster that the
// product's kind provider made. The terminal's kubectl sees the three real nodes (with their
// container runtime), the reference solution is typed into it, and Check grades every task —
// the real-node ones included — as passed. Runs only in the kind tier (playwright.config.ts).
import { test, expect, type Page } from '@playwright/test';
import { loadLab } from '../../checker/lab/load.ts';

const token = process.env.WHEELHOUSE_E2E_TOKEN!;
const NODES = ['wheelhouse-control-plane', 'wheelhouse-worker', 'wheelhouse-worker2'];

test.beforeAll(() => {
  if (!process.env.WHEELHOUSE_E2E_KIND) throw new Error('The kind browser test runs in the kind tier of `npm test`, which starts the kind cluster.');
});

const screen = (page: Page) => page.locator('.wh-terminal .xterm-rows');

async function typeInTerminal(page: Page, text: string) {
  await page.locator('.wh-terminal').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('lab-07 on kind in the browser: real nodes in the terminal, every task passes on Check', async ({ page }) => {
  test.setTimeout(420_000);
  const lab = await loadLab('lab-07');
  // The start URL swaps the token for a cookie and redirects to the course's home page.
  await page.goto(`/?token=${token}`);
  await expect(page).toHaveURL(/\/en\/$/);
  await page.goto('/en/labs/lab-07/');
  await expect(page.locator('#lab-live .wh-bar-controls')).toBeVisible();
  await page.getByRole('button', { name: 'Start lab' }).click();
  await expect(page.locator('.wh-log')).toContainText(/✓ lab-07 is ready/, { timeout: 180_000 });

  await expect(page.locator('.wh-term-status')).toHaveText('Connected', { timeout: 20_000 });
  // -o wide shows each node's container runtime: containerd, not kwok's simulation.
  await typeInTerminal(page, 'kubectl get nodes -o wide');
  for (const n of NODES) await expect(screen(page)).toContainText(n, { timeout: 20_000 });
  await expect(screen(page)).toContainText('containerd://', { timeout: 20_000 });

  await typeInTerminal(page, 'clear; bash labs/lab-07-rolling-update/solution/solve.sh >/tmp/wh-e2e-kind-solve.log 2>&1; echo "SOLVED=$?"');
  await expect(screen(page)).toContainText('SOLVED=0', { timeout: 240_000 });

  // Check until the rollout has converged on the real nodes (each Check is one graded run; each
  // task is marked in place).
  await expect(async () => {
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.locator('.wh-score')).toBeVisible({ timeout: 60_000 });
    for (const task of lab.tasks) await expect(page.locator(`li.wh-task[data-task="${task.id}"]`), task.id).toHaveAttribute('data-outcome', 'pass', { timeout: 5000 });
  }).toPass({ timeout: 180_000, intervals: [5000] });
  const points = lab.tasks.reduce((s, t) => s + t.points, 0);
  await expect(page.locator('.wh-score')).toContainText(`${points}/${points}`);
  await page.screenshot({ path: 'test-results/screenshots/lab-live-kind-en-1280.png', fullPage: true });
});
