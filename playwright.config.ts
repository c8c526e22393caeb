// Browser tests of the built course site, with Debian's Chromium (never a downloaded browser).
import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

const port = 4399;
// The server's token for this run (workers inherit it from the main process).
process.env.WHEELHOUSE_E2E_TOKEN ??= randomBytes(16).toString('hex');

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 1,
  forbidOnly: true,
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: 'test-results/e2e-junit.xml' }]] : 'list',
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
      WHEELHOUSE_PROGRESS_FILE: 'test-results/progress.json',
      SHELL: '/bin/bash',
    },
    url: `http://127.0.0.1:${port}/en/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
