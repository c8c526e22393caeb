// A long-lived test cluster for authors: the suite's control plane, kept running between test runs,
// so a lab or lesson can be tried and proven without starting a cluster each time.
//
//   node test/support/dev-cluster.ts start /tmp/wh-dev    prints the variables to export
//   node test/support/dev-cluster.ts stop /tmp/wh-dev
//
// Then, for example:
//   WHEELHOUSE_TEST_KUBECONFIG=/tmp/wh-dev/kubeconfig WHEELHOUSE_TEST_BIN=… WHEELHOUSE_LABS=lab-03 \
//     npx vitest run --project cluster test/cluster/labs.test.ts
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deleteKwokCluster } from '../../checker/providers/kwok.ts';
import { startTestCluster } from './start-cluster.ts';
import { localKubeBinDir } from '../../checker/core/paths.ts';

const { positionals } = parseArgs({ allowPositionals: true });
const [cmd, where] = positionals;
if (!['start', 'stop'].includes(cmd ?? '') || !where) {
  console.error('usage: node test/support/dev-cluster.ts start|stop DIR');
  process.exit(64);
}
const dir = resolve(where);
const name = `wh-dev-${basename(dir).replace(/[^a-z0-9-]/gi, '').toLowerCase()}`;
const kubeconfig = join(dir, 'kubeconfig');
if (cmd === 'start') {
  if (existsSync(kubeconfig)) {
    console.error(`${dir} already holds a cluster; stop it first.`);
    process.exit(1);
  }
  mkdirSync(dir, { recursive: true });
  const c = await startTestCluster(undefined, { dir, name });
  console.log(`export WHEELHOUSE_TEST_KUBECONFIG=${c.kubeconfig} WHEELHOUSE_TEST_BIN=${c.binDir} KUBECONFIG=${c.kubeconfig} PATH=${c.binDir}:$PATH`);
} else {
  await deleteKwokCluster({ name, kubeconfig, workdir: join(dir, 'kwok'), binDir: localKubeBinDir() ?? '' });
  rmSync(dir, { recursive: true, force: true }); // so that `start` can use the folder again
  console.log(`stopped ${name}`);
}
