// Browser tests of the built course site, with Debian's Chromium (never a downloaded browser).
import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

// The kind tier runs its own browser test (*.kind.spec.ts) against the kind cluster, on another
// port, side by side with the simulated cluster's run.
const kind = !!process.env.WHEELHOUSE_E2E_KIND;
const port = kind ? 4398 : 4399;
// The server's token for this run (workers inherit it from the main process).
process.env.WHEELHOUSE_E2E_TOKEN ??= randomBytes(16).toString('hex');

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: kind ? '**/*.kind.spec.ts' : '**/*.spec.ts',
  testIgnore: kind ? [] : ['**/*.kind.spec.ts'],
  outputDir: kind ? 'test-results/kind' : 'test-results',
  timeout: 60_000,
  workers: 1,
  forbidOnly: true,
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: kind ? 'test-results/e2e-kind-junit.xml' : 'test-results/e2e-junit.xml' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: '/usr/lib/chromium/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  webServer: {
    // Builds the site if dist/ is missing or stale, then serves it, with the terminal and the API
    // pointed at the test cluster (test/run.ts starts it and sets WHEELHOUSE_TEST_KUBECONFIG).
    command: `node site/server/start.ts --port ${port}`,
    env: {
      WHEELHOUSE_TOKEN: process.env.WHEELHOUSE_E2E_TOKEN,
      WHEELHOUSE_KUBECONFIG: process.env.WHEELHOUSE_TEST_KUBECONFIG ?? '',
      WHEELHOUSE_PROGRESS_FILE: kind ? 'test-results/progress-kind.json' : 'test-results/progress.json',
      SHELL: '/bin/bash',
    },
    url: `http://127.0.0.1:${port}/en/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
