import { defineConfig } from 'vitest/config';

// Two Vitest projects; the browser tests (test/e2e) belong to Playwright. `npm test` (test/run.ts)
// starts one real control plane and runs both tools against it.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Some unit tests start the CLI as a process; on two cores shared with a cluster and a
          // kind tier, 5 s is too tight for a process start, not a sign of a fault.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'cluster',
          include: ['test/cluster/**/*.test.ts'],
          globalSetup: ['test/cluster/global-setup.ts'],
          // One shared cluster: labs change nodes (labels, taints), so files run one at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          // Real nodes: a kind cluster made by the product's kind provider (test/run.ts starts it).
          name: 'kind',
          include: ['test/kind/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
