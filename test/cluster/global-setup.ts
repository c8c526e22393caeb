// Vitest global setup for the cluster project. Under `npm test` the cluster is already running
// (test/run.ts set WHEELHOUSE_TEST_KUBECONFIG); run alone (`npx vitest --project cluster`), it
// starts one for this run and stops it afterwards. A cluster that cannot start fails the run.
import { startTestCluster, type StartedCluster } from '../support/start-cluster.ts';

let started: StartedCluster | undefined;

export async function setup(): Promise<void> {
  if (process.env.WHEELHOUSE_TEST_KUBECONFIG && process.env.WHEELHOUSE_TEST_BIN) return;
  started = await startTestCluster();
  process.env.WHEELHOUSE_TEST_KUBECONFIG = started.kubeconfig;
  process.env.WHEELHOUSE_TEST_BIN = started.binDir;
}

export async function teardown(): Promise<void> {
  await started?.stop();
}
