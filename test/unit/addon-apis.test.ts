// On kind, `lab up` installs the course's add-on CRDs (Gateway API, VPA) before a lab's add-ons:
// from tools/crds/fetch.sh's folder where Go can fetch them (CI, offline), else from the release
// URLs of the same version (a learner with kind and Docker only).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { addonApiSources, addonApiUrls, addonApiVersions, installAddonApis } from '../../checker/lifecycle/addon-apis.ts';
import { LifecycleError } from '../../checker/core/errors.ts';
import type { RunOptions, RunResult, System } from '../../checker/providers/system.ts';

interface Call {
  cmd: string;
  args: string[];
}

function fakeSystem(o: { go: boolean; fetch?: RunResult; apply?: RunResult }): System & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    env: {},
    which: (name) => (name === 'go' && !o.go ? undefined : `/bin/${name}`),
    async run(cmd: string, args: string[], _o: RunOptions = {}): Promise<RunResult> {
      calls.push({ cmd, args });
      if (cmd === 'bash') return o.fetch ?? { code: 0, stdout: '/cache/crds/gw-vpa\n', stderr: '' };
      if (args.includes('apply')) return o.apply ?? { code: 0, stdout: '', stderr: '' };
      return { code: 0, stdout: '', stderr: '' };
    },
  };
}

const target = { kubectl: '/bin/kubectl', kubeconfig: '/k' };

describe('add-on APIs on kind', () => {
  it('pins the versions of tools/kube/versions.env, and the URLs carry them', () => {
    const env = readFileSync('tools/kube/versions.env', 'utf8');
    const v = addonApiVersions();
    expect(env).toContain(`GATEWAY_API_VERSION=${v.gatewayApi}`);
    expect(env).toContain(`VPA_VERSION=${v.vpa}`);
    const [gw, vpa] = addonApiUrls();
    expect(gw).toBe(`https://github.com/kubernetes-sigs/gateway-api/releases/download/${v.gatewayApi}/standard-install.yaml`);
    expect(vpa).toContain(`/vertical-pod-autoscaler-${v.vpa.replace(/^v/, '')}/vertical-pod-autoscaler/deploy/vpa-v1-crd-gen.yaml`);
  });

  it('with Go: the folder tools/crds/fetch.sh prints', async () => {
    const sys = fakeSystem({ go: true });
    expect(await addonApiSources(sys)).toEqual({ args: ['-f', '/cache/crds/gw-vpa'] });
    expect(sys.calls[0].args[0]).toMatch(/tools\/crds\/fetch\.sh$/);
  });

  it('without Go, or when fetch.sh fails: the release URLs (and what fetch.sh said)', async () => {
    const urls = addonApiUrls().flatMap((u) => ['-f', u]);
    const none = fakeSystem({ go: false });
    expect(await addonApiSources(none)).toEqual({ args: urls });
    expect(none.calls).toEqual([]);
    const broken = fakeSystem({ go: true, fetch: { code: 1, stdout: '', stderr: 'go: module lookup disabled' } });
    expect(await addonApiSources(broken)).toEqual({ args: urls, fetchProblem: 'go: module lookup disabled' });
  });

  it('applies them server-side as Wheelhouse, waits until they are served, and words a failure', async () => {
    const sys = fakeSystem({ go: true });
    await installAddonApis(target, sys);
    const kubectlCalls = sys.calls.filter((c) => c.cmd === '/bin/kubectl').map((c) => c.args.slice(2).join(' '));
    expect(kubectlCalls).toEqual([
      'apply --server-side --force-conflicts --field-manager=wheelhouse -f /cache/crds/gw-vpa',
      'wait --for=condition=Established crd --all --timeout=60s',
    ]);
    const failing = fakeSystem({ go: false, apply: { code: 1, stdout: '', stderr: 'error: unable to read URL' } });
    const err = (await installAddonApis(target, failing).catch((e) => e)) as LifecycleError;
    expect(err).toBeInstanceOf(LifecycleError);
    expect(err.message).toContain('unable to read URL');
  });
});
