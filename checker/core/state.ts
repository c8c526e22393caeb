// Wheelhouse's record of the cluster it created: cluster.json, kept beside the kubeconfig it wrote
// (.wheelhouse/cluster.json for a learner; the test suite's temporary folder for the test cluster).
// Together with the marker inside the cluster (marker.ts) it proves a cluster is Wheelhouse's own.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file.ts';
import { LifecycleError } from './errors.ts';
import { displayPath } from './paths.ts';

export const providerNames = ['kind', 'kwok', 'existing'] as const;
export type ProviderName = (typeof providerNames)[number];

export const clusterStateSchema = z.object({
  provider: z.enum(providerNames).describe('Which provider made (or, for existing, adopted) the cluster.'),
  name: z.string().min(1).describe('The cluster name the provider knows it by (kind and kwok: wheelhouse).'),
  kubeconfig: z.string().min(1).describe('Absolute path of the kubeconfig Wheelhouse uses for it.'),
  context: z.string().min(1).describe('The context in that kubeconfig.'),
  createdAt: z.string().describe('When Wheelhouse created or adopted it (ISO 8601).'),
  id: z.string().min(1).describe('Random id, also written into the cluster marker; both must agree before anything is changed.'),
  workdir: z.string().optional().describe('kwok only: kwokctl\'s working folder.'),
  source: z.string().optional().describe('existing only: the kubeconfig the user named when adopting the cluster.'),
});
export type ClusterState = z.infer<typeof clusterStateSchema>;

/** cluster.json sits beside the kubeconfig it describes. */
export function stateFile(kubeconfig: string): string {
  return join(dirname(kubeconfig), 'cluster.json');
}

/**
 * The record for this kubeconfig, or undefined when there is none. A record that is there but cannot
 * be read is not "none": it may describe a running cluster, and treating it as absent would let the
 * next `up` replace that cluster. It stops every command with what to do (#14).
 */
export async function readState(kubeconfig: string): Promise<ClusterState | undefined> {
  const file = stateFile(kubeconfig);
  if (!existsSync(file)) return undefined;
  let detail: string;
  try {
    const parsed = clusterStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    // The record describes the kubeconfig beside it, wherever the folder has moved since.
    if (parsed.success) return { ...parsed.data, kubeconfig };
    detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
  } catch (err) {
    detail = (err as Error).message;
  }
  throw new LifecycleError('refused', 'stateUnreadable', { record: displayPath(file), detail });
}

export async function writeState(state: ClusterState): Promise<void> {
  await writeFileAtomic(stateFile(state.kubeconfig), `${JSON.stringify(state, null, 2)}\n`);
}

/** Forgets the cluster: cluster.json and the kubeconfig Wheelhouse wrote. */
export async function removeState(kubeconfig: string): Promise<void> {
  await rm(stateFile(kubeconfig), { force: true });
  await rm(kubeconfig, { force: true });
}
