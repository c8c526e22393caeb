// RBAC questions are asked as kubectl auth can-i --as asks them: a service account with its groups.
import { describe, expect, it } from 'vitest';
import { parseResource, reviewSpec, userAndGroups } from '../../checker/checks/access.ts';
import { createContext } from '../../checker/checks/define.ts';
import { FakeCluster, parseLabelSelector } from '../support/fake-cluster.ts';
import { loadLab } from '../../checker/lab/load.ts';
import type { SubjectAccessReviewSpec } from '../../checker/cluster/types.ts';

describe('subjects and resources', () => {
  it('a service account carries its groups', () => {
    expect(userAndGroups({ serviceAccount: 'ci-bot' }, 'lab-17')).toEqual({
      user: 'system:serviceaccount:lab-17:ci-bot',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:lab-17', 'system:authenticated'],
    });
    expect(userAndGroups('system:serviceaccount:other:bot', 'lab-17').groups).toContain('system:serviceaccounts:other');
    expect(userAndGroups({ user: 'jane', groups: ['dev'] }, 'lab-17')).toEqual({ user: 'jane', groups: ['dev'] });
  });

  it('resource[.group][/subresource]', () => {
    expect(parseResource('pods')).toEqual({ resource: 'pods', group: '', subresource: undefined });
    expect(parseResource('deployments.apps/scale')).toEqual({ resource: 'deployments', group: 'apps', subresource: 'scale' });
    expect(parseResource('roles.rbac.authorization.k8s.io')).toMatchObject({ resource: 'roles', group: 'rbac.authorization.k8s.io' });
  });

  it('builds the review spec', () => {
    expect(reviewSpec({ serviceAccount: 'ci-bot' }, { verb: 'get', resource: 'pods/log', namespace: 'lab-17' }, 'lab-17').resourceAttributes).toEqual({
      verb: 'get',
      resource: 'pods',
      group: '',
      subresource: 'log',
      namespace: 'lab-17',
    });
  });
});

describe('can and cannot in a check', () => {
  it('asks the API server and words the answer, with the kubectl auth can-i command', async () => {
    const lab = await loadLab('lab-07');
    const seen: SubjectAccessReviewSpec[] = [];
    // Allowed only with the namespace group: proves the groups are sent.
    const cluster = new FakeCluster({ access: (spec) => (seen.push(spec), spec.groups?.includes('system:serviceaccounts:lab-07') === true && spec.resourceAttributes?.verb === 'list') });
    const { ctx } = createContext(lab, cluster, true);
    const canList = await ctx.can({ serviceAccount: 'ci-bot' }, 'list', 'pods');
    const cannotDelete = await ctx.cannot({ serviceAccount: 'ci-bot' }, 'delete', 'pods');
    const canDelete = await ctx.can({ serviceAccount: 'ci-bot' }, 'delete', 'pods');
    expect([canList.ok, cannotDelete.ok, canDelete.ok]).toEqual([true, true, false]);
    expect(canList.kubectl).toBe('kubectl auth can-i list pods -n lab-07 --as=system:serviceaccount:lab-07:ci-bot');
    expect(canDelete.path).toBe('can-i delete pods -n lab-07');
    expect(seen[0].resourceAttributes?.namespace).toBe('lab-07');
    const clusterWide = await ctx.can({ serviceAccount: 'ci-bot' }, 'list', 'nodes', { clusterWide: true });
    expect(seen.at(-1)?.resourceAttributes?.namespace).toBeUndefined();
    expect(clusterWide.kubectl).toBe('kubectl auth can-i list nodes --as=system:serviceaccount:lab-07:ci-bot');
  });
});

describe('the fake cluster understands label selectors like the API server', () => {
  it.each([
    ['app=web', { app: 'web' }, true],
    ['app==web', { app: 'api' }, false],
    ['app!=web', { app: 'api' }, true],
    ['app!=web', {}, true],
    ['tier', { tier: 'x' }, true],
    ['!tier', { tier: 'x' }, false],
    ['env in (dev,test)', { env: 'test' }, true],
    ['env notin (dev,test)', { env: 'test' }, false],
    ['app=web,env in (prod)', { app: 'web', env: 'prod' }, true],
  ])('%s on %j', (selector, labels, expected) => {
    expect(parseLabelSelector(selector)(labels)).toBe(expected);
  });
});
