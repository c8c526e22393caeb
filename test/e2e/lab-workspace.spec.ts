// The lab page as a workspace (issue 17), live against the test cluster: tasks beside a full-height
// terminal at 1440×900, tabs Tasks / Terminal at 390×844, in English and Korean; Check (Alt+Enter)
// marks each task in place; F6 moves focus between the panes; the divider resizes by pointer and keys;
// the next lab is offered once every task passes; axe finds nothing serious on any of it.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loadLab } from '../../checker/lab/load.ts';

const token = process.env.WHEELHOUSE_E2E_TOKEN!;
const desktop = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };
const shots = 'test-results/screenshots';

// One tab for the whole file: it keeps one shell (the server allows four at a time, and a closed
// tab's shell lives on for 30 s in case the tab comes back).
let shared: Page;
const test = base.extend<{ page: Page }>({ page: async ({}, use) => use(shared) });
test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ browser }) => {
  if (!process.env.WHEELHOUSE_TEST_KUBECONFIG) throw new Error('No test cluster: run the browser tests through `npm test` (or `npm run test:e2e`), which starts one.');
  shared = await (await browser.newContext()).newPage();
});
test.afterAll(() => shared.context().close());

const screen = (page: Page) => page.locator('.wh-terminal .xterm-rows');
const task = (page: Page, id: string) => page.locator(`li.wh-task[data-task="${id}"]`);

async function axeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page }).exclude('site-search button[data-open-modal]').analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function openLive(page: Page, path: string) {
  await page.goto(`${path}?token=${token}`);
  await expect(page.locator('.wh-bar-controls')).toBeVisible();
}

test('desktop (en): tasks beside a full-height terminal; Alt+Enter marks each task in place; F6 and the divider', async ({ page }) => {
  test.setTimeout(180_000);
  const lab = await loadLab('lab-02');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize(desktop);
  await openLive(page, '/en/labs/lab-02/');

  // The split: tasks on the left, the terminal on the right, reaching the bottom of the window.
  const tasks = (await page.locator('#wh-pane-tasks').boundingBox())!;
  const terminal = (await page.locator('.wh-terminal').boundingBox())!;
  expect(tasks.x + tasks.width).toBeLessThanOrEqual(terminal.x);
  expect(terminal.height).toBeGreaterThan(desktop.height * 0.6);
  expect(terminal.y + terminal.height).toBeGreaterThan(desktop.height - 24);
  expect(terminal.y + terminal.height).toBeLessThanOrEqual(desktop.height);
  await expect(page.locator('[role="tablist"]')).toBeHidden();
  await expect(page.locator('.wh-keys')).toContainText('Alt+Enter');
  await expect(page.locator('.wh-keys')).toContainText('F6');

  await page.getByRole('button', { name: 'Start lab' }).click();
  await expect(page.locator('.wh-log')).toContainText(/✓ lab-02 is ready/, { timeout: 60_000 });
  // A rerun on the same cluster finds the lab solved: start from its first state.
  await page.getByRole('button', { name: 'Reset lab' }).click();
  await expect(page.locator('.wh-log')).toContainText(/✓ lab-02 is back at its starting state/, { timeout: 60_000 });
  await expect(page.locator('.wh-term-status')).toHaveText('Connected', { timeout: 20_000 });

  // A near miss first (the wrong image), then Alt+Enter from inside the terminal checks, and the
  // terminal does not receive it.
  await page.locator('.wh-terminal').click();
  await page.keyboard.type('kubectl run web --image=nginx:1.26 -n lab-02');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('pod/web created', { timeout: 20_000 });
  await page.keyboard.type('echo typed-$((6*7))');
  await page.keyboard.press('Alt+Enter');
  await expect(task(page, 'web-pod')).toHaveAttribute('data-outcome', 'fail', { timeout: 30_000 });
  await expect(task(page, 'web-pod').locator('.wh-task-outcome')).toHaveText('fail');
  await expect(task(page, 'web-pod').locator('.wh-task-result')).toBeVisible();
  await expect(task(page, 'web-pod').locator('.wh-task-result')).toContainText(/expected.*nginx:1\.27.*found.*nginx:1\.26/);
  await expect(task(page, 'web-ready')).toHaveAttribute('data-outcome', 'skipped');
  await expect(task(page, 'web-ready')).toHaveClass(/wh-real-nodes/);
  await expect(task(page, 'web-ready').locator('.wh-task-result')).toBeHidden();
  await expect(page.locator('.wh-score')).toContainText('0/');
  await expect(page.locator('.wh-next')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/workspace-en-1440-fail.png` });
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('typed-42');

  // F6 moves focus from the terminal to the tasks and back.
  await page.keyboard.press('F6');
  await expect(page.locator('#wh-pane-tasks')).toBeFocused();
  // Focus is visible: the pane reached by keyboard is outlined.
  expect(await page.locator('#wh-pane-tasks').evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('solid');
  await page.keyboard.press('F6');
  await expect(page.locator('.wh-terminal textarea')).toBeFocused();

  // The divider: a separator with a value, moved by keys and by dragging.
  const divider = page.getByRole('separator', { name: 'Resize tasks and terminal' });
  const before = Number(await divider.getAttribute('aria-valuenow'));
  await divider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', String(before + 4));
  const wider = (await page.locator('#wh-pane-tasks').boundingBox())!.width;
  expect(wider).toBeGreaterThan(tasks.width);
  const box = (await divider.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(desktop.width * 0.3, box.y + 220, { steps: 5 });
  await page.mouse.up();
  const dragged = Number(await divider.getAttribute('aria-valuenow'));
  expect(dragged).toBeGreaterThanOrEqual(25);
  expect(dragged).toBeLessThanOrEqual(33);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', '22');
  await page.keyboard.press('End');
  await expect(divider).toHaveAttribute('aria-valuenow', '75');
  await divider.press('Shift+ArrowLeft');
  await divider.press('Shift+ArrowLeft');
  await divider.press('Shift+ArrowLeft');
  await expect(divider).toHaveAttribute('aria-valuenow', '45');

  // Solve in the terminal; Check with the button: every API task passes and the next lab is offered.
  await page.locator('.wh-terminal').click();
  await page.keyboard.type('clear; kubectl delete pod web -n lab-02 --grace-period=0 --force; bash labs/lab-02-first-pod/solution/solve.sh >/tmp/wh-e2e-lab02.log 2>&1; echo "SOLVED=$?"');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('SOLVED=0', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Check' }).click();
  for (const t of lab.tasks) {
    await expect(task(page, t.id), t.id).toHaveAttribute('data-outcome', t.runtime === 'containers' ? 'skipped' : 'pass', { timeout: 30_000 });
  }
  await expect(task(page, 'web-pod').locator('.wh-task-result')).toBeHidden();
  const points = lab.tasks.filter((t) => t.runtime !== 'containers').reduce((s, t) => s + t.points, 0);
  await expect(page.locator('.wh-score')).toContainText(`${points}/${points}`);
  await expect(page.locator('a.wh-next')).toHaveAttribute('href', '/en/labs/lab-03/');
  await expect(page.locator('a.wh-next')).toContainText('Next lab');
  await page.screenshot({ path: `${shots}/workspace-en-1440.png` });
  await axeClean(page);
  expect(errors).toEqual([]);
});

test('desktop (ko): the last check is marked in place when the page opens, in Korean', async ({ page }) => {
  await page.setViewportSize(desktop);
  await openLive(page, '/ko/labs/lab-02/');
  await expect(task(page, 'web-pod')).toHaveAttribute('data-outcome', 'pass', { timeout: 20_000 });
  await expect(task(page, 'web-pod').locator('.wh-task-outcome')).toHaveText('통과');
  await expect(page.locator('.wh-check-results')).toContainText('마지막 채점');
  await expect(page.locator('a.wh-next')).toHaveAttribute('href', '/ko/labs/lab-03/');
  await expect(page.locator('.wh-keys')).toContainText('채점');
  await page.getByRole('button', { name: '채점' }).click();
  await expect(page.locator('.wh-score')).toContainText('점수', { timeout: 30_000 });
  await expect(page.locator('.wh-term-status')).toHaveText('연결됨', { timeout: 20_000 });
  await page.screenshot({ path: `${shots}/workspace-ko-1440.png` });
  await axeClean(page);
});

for (const locale of ['en', 'ko'] as const) {
  test(`phone (${locale}): tabs Tasks / Terminal instead of the split`, async ({ page }) => {
    const names = locale === 'ko' ? { tasks: '과제', terminal: '터미널' } : { tasks: 'Tasks', terminal: 'Terminal' };
    await page.setViewportSize(phone);
    await openLive(page, `/${locale}/labs/lab-02/`);
    const tasksTab = page.getByRole('tab', { name: names.tasks });
    const terminalTab = page.getByRole('tab', { name: names.terminal });
    await expect(tasksTab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: names.tasks })).toBeVisible();
    await expect(page.locator('#wh-pane-terminal')).toBeHidden();
    await expect(page.getByRole('separator')).toBeHidden();
    await expect(task(page, 'web-pod')).toHaveAttribute('data-outcome', 'pass', { timeout: 20_000 });
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.screenshot({ path: `${shots}/workspace-${locale}-390-tasks.png` });
    await axeClean(page);

    await expect(tasksTab.locator('.wh-tab-score')).toHaveText('3/3');
    await terminalTab.click();
    await expect(terminalTab).toHaveAttribute('aria-selected', 'true');
    await expect(tasksTab).toHaveAttribute('aria-selected', 'false');
    await expect(page.locator('#wh-pane-tasks')).toBeHidden();
    const term = page.locator('.wh-terminal');
    await expect(term).toBeVisible();
    await expect(page.locator('.wh-term-status')).toHaveText(locale === 'ko' ? '연결됨' : 'Connected', { timeout: 20_000 });
    const box = (await term.boundingBox())!;
    expect(box.height).toBeGreaterThan(phone.height * 0.45);
    expect(box.y + box.height).toBeLessThanOrEqual(phone.height);
    await term.click();
    await page.keyboard.type('echo phone-$((40+2))');
    await page.keyboard.press('Enter');
    await expect(screen(page)).toContainText('phone-42', { timeout: 20_000 });
    await page.screenshot({ path: `${shots}/workspace-${locale}-390-terminal.png` });
    await axeClean(page);

    // Real tabs: the arrow keys move between them; F6 switches tab and focus as on the desktop.
    await terminalTab.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(tasksTab).toBeFocused();
    await expect(tasksTab).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('#wh-pane-tasks')).toBeVisible();
    await page.keyboard.press('F6');
    await expect(terminalTab).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.wh-terminal textarea')).toBeFocused();
  });
}
