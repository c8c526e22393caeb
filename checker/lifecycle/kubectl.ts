// kubectl for the steps a learner would do with it: applying manifests and running solution
// scripts. The project's own build (npm run kube:build) when there is one, else kubectl on PATH.
import { dirname, join } from 'node:path';
import { delimiter } from 'node:path';
import { stringify } from 'yaml';
import type { RunResult, System } from '../providers/system.ts';
import type { KObject } from '../cluster/types.ts';
import { LifecycleError } from '../core/errors.ts';
import { localKubeBinDir } from '../core/paths.ts';

/** The kubectl to use: the project's build, else the one on PATH. Throws missing-tool with install steps. */
export function findKubectl(sys: System): string {
  const built = localKubeBinDir();
  if (built) return join(built, 'kubectl');
  const onPath = sys.which('kubectl');
  if (onPath) return onPath;
  throw new LifecycleError('missing-tool', 'kubectlMissing', {});
}

export interface KubectlTarget {
  kubectl: string;
  kubeconfig: string;
  context?: string;
}

/** The environment a solution script (or any kubectl) runs in: our kubeconfig, our kubectl first on PATH. */
export function kubectlEnv(t: KubectlTarget, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, KUBECONFIG: t.kubeconfig, PATH: `${dirname(t.kubectl)}${delimiter}${env.PATH ?? ''}` };
}

export function kubectl(t: KubectlTarget, sys: System, args: string[], input?: string): Promise<RunResult> {
  const target = ['--kubeconfig', t.kubeconfig, ...(t.context ? ['--context', t.context] : [])];
  return sys.run(t.kubectl, [...target, ...args], { input, env: kubectlEnv(t, sys.env) });
}

/** `kubectl apply -n NS -f -` with the objects as one YAML stream; throws failed with kubectl's words. */
export async function applyObjects(t: KubectlTarget, sys: System, namespace: string, objects: KObject[], what: string, serverSide = false): Promise<string> {
  const yaml = objects.map((o) => stringify(o)).join('---\n');
  const args = ['apply', '-n', namespace, '-f', '-', ...(serverSide ? ['--server-side', '--force-conflicts', '--field-manager=wheelhouse'] : [])];
  const r = await kubectl(t, sys, args, yaml);
  if (r.code !== 0) throw new LifecycleError('failed', 'applyFailed', { what, detail: r.stderr.trim().split('\n').slice(-5).join('\n') });
  return r.stdout;
}
