// The existing provider: a cluster the learner already has, used only when they name both the
// kubeconfig and the context (`lab up LAB --provider existing --kubeconfig FILE --context NAME`).
// Wheelhouse never edits that file: it copies the one context, credentials included, into its
// own kubeconfig (kubectl config view --minify --flatten) and marks the cluster as adopted.
// `lab down` then removes the labs and the marker, and never deletes the cluster.
import { mkdir, writeFile, chmod } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { System } from './system.ts';
import { LifecycleError } from '../core/errors.ts';

export interface AdoptOptions {
  /** The kubeconfig the learner named. */
  source: string;
  /** The context in it. */
  context: string;
  /** Wheelhouse's own kubeconfig, written here. */
  target: string;
  kubectl: string;
}

/** The kubectl command line that extracts the one context, with its credentials inlined. */
export function minifyArgs(o: Pick<AdoptOptions, 'source' | 'context'>): string[] {
  return ['config', 'view', '--kubeconfig', o.source, '--context', o.context, '--minify', '--flatten', '--raw'];
}

/** Writes Wheelhouse's copy of the named context. */
export async function copyContext(o: AdoptOptions, sys: System): Promise<void> {
  const r = await sys.run(o.kubectl, minifyArgs(o));
  if (r.code !== 0 || !r.stdout.includes('current-context')) {
    throw new LifecycleError('usage', 'existingNoContext', { context: o.context, kubeconfig: o.source, detail: r.stderr.trim().split('\n').pop() ?? '' });
  }
  await mkdir(dirname(o.target), { recursive: true });
  // Credentials: readable by the owner only, like ~/.kube/config should be.
  await writeFile(o.target, r.stdout, { mode: 0o600 });
  await chmod(o.target, 0o600);
}
