// The add-on APIs of the course — the CustomResourceDefinitions of the Gateway API (standard
// channel) and of the VerticalPodAutoscaler — at the versions pinned in tools/kube/versions.env.
// The kwok provider installs them when it creates a cluster; on kind, `lab up` installs them
// before a lab's add-ons, so a lab's add-on folder holds only the controllers it runs (the VPA
// recommender, not the VPA's API) and kind and kwok serve the same schemas.
//
// Where the files come from: with Go on PATH, tools/crds/fetch.sh takes them from the projects' Go
// modules (cached by version; the Go module proxy is all an offline CI machine can reach); without
// Go, or if that fails, the same files at the same version from the projects' release URLs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../core/paths.ts';
import type { System } from '../providers/system.ts';
import { kubectl, type KubectlTarget } from './kubectl.ts';
import { LifecycleError } from '../core/errors.ts';

/** The pinned versions (tools/kube/versions.env). */
export function addonApiVersions(): { gatewayApi: string; vpa: string } {
  const env = readFileSync(join(repoRoot, 'tools', 'kube', 'versions.env'), 'utf8');
  const get = (name: string) => new RegExp(`^${name}=(\\S+)`, 'm').exec(env)?.[1];
  const gatewayApi = get('GATEWAY_API_VERSION');
  const vpa = get('VPA_VERSION');
  if (!gatewayApi || !vpa) throw new Error('tools/kube/versions.env does not pin GATEWAY_API_VERSION and VPA_VERSION');
  return { gatewayApi, vpa };
}

/** The release URLs of the same CRDs, for a machine without Go (a learner with kind and Docker only). */
export function addonApiUrls(): string[] {
  const { gatewayApi, vpa } = addonApiVersions();
  return [
    `https://github.com/kubernetes-sigs/gateway-api/releases/download/${gatewayApi}/standard-install.yaml`,
    `https://raw.githubusercontent.com/kubernetes/autoscaler/vertical-pod-autoscaler-${vpa.replace(/^v/, '')}/vertical-pod-autoscaler/deploy/vpa-v1-crd-gen.yaml`,
  ];
}

/** `-f` arguments for the CRDs: tools/crds/fetch.sh's folder when Go can fetch them, else the release URLs. */
export async function addonApiSources(sys: System): Promise<{ args: string[]; fetchProblem?: string }> {
  let fetchProblem: string | undefined;
  if (sys.which('go')) {
    const r = await sys.run('bash', [join(repoRoot, 'tools', 'crds', 'fetch.sh')], { env: sys.env, timeoutMs: 300_000 });
    const dir = r.stdout.trim().split('\n').pop()?.trim();
    if (r.code === 0 && dir) return { args: ['-f', dir] };
    fetchProblem = (r.stderr || r.stdout).trim().split('\n').slice(-3).join('\n');
  }
  return { args: addonApiUrls().flatMap((u) => ['-f', u]), fetchProblem };
}

/** Applies the add-on CRDs (server-side, as Wheelhouse's add-ons are) and waits until they are served. */
export async function installAddonApis(t: KubectlTarget, sys: System): Promise<void> {
  const { args, fetchProblem } = await addonApiSources(sys);
  const r = await kubectl(t, sys, ['apply', '--server-side', '--force-conflicts', '--field-manager=wheelhouse', ...args]);
  if (r.code !== 0) {
    const detail = [fetchProblem && `tools/crds/fetch.sh: ${fetchProblem}`, r.stderr.trim().split('\n').slice(-5).join('\n')].filter(Boolean).join('\n');
    throw new LifecycleError('failed', 'applyFailed', { what: 'the Gateway API and VerticalPodAutoscaler CRDs', detail });
  }
  await kubectl(t, sys, ['wait', '--for=condition=Established', 'crd', '--all', '--timeout=60s']);
}
