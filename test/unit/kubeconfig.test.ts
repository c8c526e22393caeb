import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { defaultKubeconfig, resolveKubeconfig } from '../../checker/cluster/kubeconfig.ts';
import { repoRoot } from '../../checker/core/paths.ts';

describe('resolveKubeconfig', () => {
  it('--kubeconfig first, relative to the current directory', () => {
    expect(resolveKubeconfig('k.yaml', { WHEELHOUSE_KUBECONFIG: '/env' }, '/work')).toEqual({ path: '/work/k.yaml', source: 'flag' });
  });

  it('then WHEELHOUSE_KUBECONFIG', () => {
    expect(resolveKubeconfig(undefined, { WHEELHOUSE_KUBECONFIG: '/env/kc' }, '/work')).toEqual({ path: '/env/kc', source: 'env' });
  });

  it("then Wheelhouse's own file — never ~/.kube/config or $KUBECONFIG", () => {
    const choice = resolveKubeconfig(undefined, { KUBECONFIG: '/home/me/.kube/config', HOME: '/home/me' }, '/work');
    expect(choice).toEqual({ path: join(repoRoot, '.wheelhouse', 'kubeconfig'), source: 'default' });
    expect(defaultKubeconfig).toBe(choice.path);
  });
});
