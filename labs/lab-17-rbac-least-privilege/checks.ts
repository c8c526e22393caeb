// Checks for lab-17. Permissions are graded by asking the API server (SubjectAccessReview, with the
// service account's groups, as `kubectl auth can-i --as` does), so any correct set of Roles and
// bindings passes; the objects are read too, for the names and labels the tasks ask for.
import { defineChecks, match, some } from '../../checker/index.ts';

const RBAC = 'rbac.authorization.k8s.io/v1';
const bot = { serviceAccount: 'ci-bot' };
const LAB = { 'wheelhouse.dev/lab': 'lab-17' };
const toBot = some({ kind: 'ServiceAccount', name: 'ci-bot', namespace: 'lab-17' });

export default defineChecks({
  'role-bound': async ({ get, list, can }) => {
    const [role, bindings] = await Promise.all([get(RBAC, 'Role', 'deployer'), list(RBAC, 'RoleBinding')]);
    return [
      match(role, { rules: some({ resources: some('deployments') }) }),
      match(bindings, some({ roleRef: { kind: 'Role', name: 'deployer' }, subjects: toBot })),
      ...(await Promise.all(
        [
          ['create', 'deployments.apps'],
          ['patch', 'deployments.apps'],
          ['update', 'deployments.apps'],
          ['watch', 'deployments.apps'],
          ['list', 'pods'],
          ['get', 'pods'],
        ].map(([verb, resource]) => can(bot, verb, resource)),
      )),
    ];
  },

  'node-reader': async ({ get, can }) => {
    const [role, binding] = await Promise.all([get(RBAC, 'ClusterRole', 'node-reader'), get(RBAC, 'ClusterRoleBinding', 'ci-bot-node-reader')]);
    return [
      match(role, { metadata: { labels: LAB } }),
      match(binding, { metadata: { labels: LAB }, roleRef: { kind: 'ClusterRole', name: 'node-reader' }, subjects: toBot }),
      await can(bot, 'list', 'nodes', { clusterWide: true }),
      await can(bot, 'get', 'nodes', { clusterWide: true }),
      await can(bot, 'watch', 'nodes', { clusterWide: true }),
    ];
  },

  'no-automount': async ({ get }) => match(await get('v1', 'ServiceAccount', 'ci-bot'), { automountServiceAccountToken: false }),

  // Negative: graded after the others settle, on two samples. Each question is one a too-broad
  // grant (a wildcard, the built-in edit role, a ClusterRoleBinding for the deployer) answers "yes".
  'least-privilege': async ({ cannot }) =>
    Promise.all([
      cannot(bot, 'get', 'secrets'),
      cannot(bot, 'list', 'secrets'),
      cannot(bot, 'get', 'secrets', { name: 'db-admin' }),
      cannot(bot, 'delete', 'pods'),
      cannot(bot, 'delete', 'deployments.apps'),
      cannot(bot, 'create', 'deployments.apps', { namespace: 'default' }),
      cannot(bot, 'list', 'secrets', { clusterWide: true }),
      cannot(bot, 'patch', 'nodes', { clusterWide: true }),
      cannot(bot, 'delete', 'nodes', { clusterWide: true }),
    ]),
});
