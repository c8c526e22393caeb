// Checks for lab-17, clause by clause (lab.yaml `clauses`). Permissions are graded by their effect,
// asking the API server (SubjectAccessReview, with the service account's groups, as
// `kubectl auth can-i --as` does), over every verb the tasks name and the ones they forbid; the
// named objects are read for what only they can show: that the permissions come from deployer and
// node-reader, that the bindings grant them to ci-bot and to nobody else, and the labels.
import { defineChecks, filterList, match, observe, phrase, type KObject } from '../../checker/index.ts';

const NS = 'lab-17';
const RBAC = 'rbac.authorization.k8s.io/v1';
const bot = { serviceAccount: 'ci-bot' };
const BOT_USER = `system:serviceaccount:${NS}:ci-bot`;
const LAB = { 'wheelhouse.dev/lab': 'lab-17' };
const DEPLOY_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch'];
const READ_VERBS = ['get', 'list', 'watch'];

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
}
interface Subject {
  kind?: string;
  name?: string;
  namespace?: string;
}

/** The role's rules allow this verb on every object of group/resource (RBAC's own matching). */
function rulesAllow(role: KObject | undefined, group: string, resource: string, verb: string): boolean {
  const has = (list: string[] | undefined, v: string) => !!list && (list.includes('*') || list.includes(v));
  return ((role?.rules ?? []) as Rule[]).some((r) => has(r.apiGroups, group) && has(r.resources, resource) && has(r.verbs, verb) && !r.resourceNames?.length);
}

/** A subject that is ci-bot itself: the ServiceAccount, or the user name it authenticates as. */
const isBot = (s: Subject, bindingNs?: string) =>
  (s.kind === 'ServiceAccount' && s.name === 'ci-bot' && (s.namespace ?? bindingNs) === NS) || (s.kind === 'User' && s.name === BOT_USER);
const spell = (s: Subject) => `${s.kind}/${s.namespace ? `${s.namespace}/` : ''}${s.name}`;

/** What the bindings to one role grant: whether ci-bot is among the subjects, and who else is. */
function bindingObservations(bindings: KObject[], path: string, what: string): ReturnType<typeof observe> {
  const subjects = bindings.flatMap((b) => ((b.subjects ?? []) as Subject[]).map((s) => ({ s, ns: b.metadata.namespace })));
  const others = subjects.filter(({ s, ns }) => !isBot(s, ns)).map(({ s }) => spell(s));
  const found = subjects.length ? subjects.map(({ s }) => spell(s)).join(', ') : phrase('noItems');
  return observe(bindings, path, `${what} → ServiceAccount/${NS}/ci-bot`, found, { ok: subjects.some(({ s, ns }) => isBot(s, ns)) && others.length === 0 });
}

export default defineChecks({
  'role-bound': async ({ get, list, can }) => {
    const [role, bindings] = await Promise.all([get(RBAC, 'Role', 'deployer'), list(RBAC, 'RoleBinding')]);
    if (!role) return [];
    const toDeployer = filterList(bindings, (b) => b.roleRef?.kind === 'Role' && b.roleRef?.name === 'deployer');
    const allowed = (group: string, resource: string, verbs: string[]) => verbs.filter((v) => rulesAllow(role, group, resource, v));
    const verbs = (list: string[]) => (list.length ? list.join(', ') : phrase('nothing'));
    return [
      // deployment-verbs, pod-verbs: written in deployer, and effective for ci-bot
      observe(role, 'rules (deployments.apps)', DEPLOY_VERBS.join(', '), verbs(allowed('apps', 'deployments', DEPLOY_VERBS)), { ok: allowed('apps', 'deployments', DEPLOY_VERBS).length === DEPLOY_VERBS.length }),
      observe(role, 'rules (pods)', READ_VERBS.join(', '), verbs(allowed('', 'pods', READ_VERBS)), { ok: allowed('', 'pods', READ_VERBS).length === READ_VERBS.length }),
      // binding: a RoleBinding to the Role deployer, for ci-bot and no one else
      bindingObservations(toDeployer, 'roleRef Role/deployer: subjects', 'Role/deployer'),
      ...(await Promise.all([...DEPLOY_VERBS.map((v) => can(bot, v, 'deployments.apps')), ...READ_VERBS.map((v) => can(bot, v, 'pods'))])),
    ];
  },

  'node-reader': async ({ get, can }) => {
    const [role, binding] = await Promise.all([get(RBAC, 'ClusterRole', 'node-reader'), get(RBAC, 'ClusterRoleBinding', 'ci-bot-node-reader')]);
    const allowed = READ_VERBS.filter((v) => rulesAllow(role, '', 'nodes', v));
    return [
      // labelled
      match(role, { metadata: { labels: LAB } }),
      match(binding, { metadata: { labels: LAB } }),
      // node-verbs
      role ? observe(role, 'rules (nodes)', READ_VERBS.join(', '), allowed.length ? allowed.join(', ') : phrase('nothing'), { ok: allowed.length === READ_VERBS.length }) : [],
      // binding: ci-bot-node-reader → ClusterRole node-reader → ci-bot only
      match(binding, { roleRef: { kind: 'ClusterRole', name: 'node-reader' } }),
      binding ? bindingObservations([binding], 'subjects', 'ClusterRole/node-reader') : [],
      ...(await Promise.all(READ_VERBS.map((v) => can(bot, v, 'nodes', { clusterWide: true })))),
    ];
  },

  'no-automount': async ({ get }) => match(await get('v1', 'ServiceAccount', 'ci-bot'), { automountServiceAccountToken: false }),

  // Negative: graded after the others settle, on two samples. Each question is one a too-broad
  // grant answers "yes": a wildcard, a verb list shared by Deployments and Pods, the core group's "*",
  // the built-in edit role, a leftover ClusterRoleBinding, every verb on nodes.
  'least-privilege': async ({ cannot }) => {
    const other = { namespace: 'default' };
    const cluster = { clusterWide: true };
    return Promise.all([
      // no-secrets
      ...READ_VERBS.map((v) => cannot(bot, v, 'secrets')),
      cannot(bot, 'get', 'secrets', { name: 'db-admin' }),
      cannot(bot, 'list', 'secrets', other),
      cannot(bot, 'list', 'secrets', cluster),
      // no-delete
      cannot(bot, 'delete', 'pods'),
      cannot(bot, 'deletecollection', 'pods'),
      cannot(bot, 'delete', 'deployments.apps'),
      cannot(bot, 'deletecollection', 'deployments.apps'),
      // other-namespaces
      cannot(bot, 'create', 'deployments.apps', other),
      cannot(bot, 'create', 'deployments.apps', { namespace: 'kube-system' }),
      cannot(bot, 'patch', 'deployments.apps', other),
      cannot(bot, 'create', 'deployments.apps', cluster),
      // no-node-writes
      ...['create', 'update', 'patch', 'delete'].map((v) => cannot(bot, v, 'nodes', cluster)),
      cannot(bot, 'patch', 'nodes/status', cluster),
      // nothing-else: Pods only read, nothing through subresources, no other kinds, no other namespaces, no RBAC
      ...['create', 'update', 'patch'].map((v) => cannot(bot, v, 'pods')),
      cannot(bot, 'create', 'pods/exec'),
      cannot(bot, 'get', 'pods/log'),
      cannot(bot, 'update', 'deployments.apps/scale'),
      cannot(bot, 'get', 'pods', other),
      cannot(bot, 'get', 'deployments.apps', other),
      cannot(bot, 'create', 'replicasets.apps'),
      cannot(bot, 'create', 'services'),
      cannot(bot, 'get', 'configmaps'),
      cannot(bot, 'create', 'serviceaccounts/token', { name: 'ci-bot' }),
      cannot(bot, 'create', 'rolebindings.rbac.authorization.k8s.io'),
      cannot(bot, 'list', 'namespaces', cluster),
    ]);
  },
});
