// The checker's own identity on a Wheelhouse cluster: the user wheelhouse:grader (impersonated by
// the kubeconfig's admin, see checker/cluster/grading.ts). It may read everything cluster-wide and
// ask access reviews; in the lab's namespaces only (a RoleBinding each `lab up` makes) it may also
// create — the checks' dry-run probes are creates — and update and delete Pods (dry runs of an
// update, of an ephemeral container through pods/ephemeralcontainers, of a deletion, for admission
// policies that must judge them or leave them alone), and a ValidatingAdmissionPolicy refuses it
// every request that is not a dry run. So "the checker only reads" is the API server's rule, not a
// convention (#14).
//
// Why the creates are namespaced: Kubernetes exempts its own admission configuration (policies,
// webhooks: all cluster-scoped) from admission policies, so a grader allowed to create anywhere
// could create a webhook for real. A RoleBinding grants nothing cluster-scoped.
//
// Installed when a cluster is marked and checked on every `lab up` (clusters marked before it
// existed); removed with the marker from an adopted cluster.
import type { KObject } from '../cluster/types.ts';
import { GRADER_USER } from '../cluster/grading.ts';
import { type KubeApi } from './kube-api.ts';
import { apiPath } from '../cluster/transport.ts';
import { KubeStatusError } from '../core/errors.ts';

const NAME = 'wheelhouse-grader';
/** RBAC objects are named like the user (as Kubernetes names its system: ones), apart from anyone's "wheelhouse-grader". */
const ROLE = 'wheelhouse:grader';
const DRY_RUN_ROLE = 'wheelhouse:grader:dry-run';
/** Names an earlier version used, removed when they carry its version annotation. */
const OLD_NAMES = ['wheelhouse-grader', 'wheelhouse-grader-dry-run'];
const labels = { 'app.kubernetes.io/managed-by': 'wheelhouse' };
/** Raised whenever the objects below change: an older one on a cluster is then replaced. */
const VERSION = '3';
const VERSION_ANNOTATION = 'wheelhouse.dev/grader-version';
const RBAC = { group: 'rbac.authorization.k8s.io', version: 'v1' };
const ADMISSION = { group: 'admissionregistration.k8s.io', version: 'v1' };

export function graderObjects(): { path: string; object: KObject }[] {
  const annotations = { [VERSION_ANNOTATION]: VERSION };
  const reader: KObject = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: ROLE, labels, annotations },
    rules: [
      { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
      { nonResourceURLs: ['*'], verbs: ['get'] },
      { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
    ],
  };
  const readerBinding: KObject = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: ROLE, labels, annotations },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: ROLE },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: GRADER_USER }],
  };
  const dryRunner: KObject = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: DRY_RUN_ROLE, labels, annotations },
    rules: [
      { apiGroups: ['*'], resources: ['*'], verbs: ['create'] },
      // Dry runs of what admission policies judge on running Pods: an update, an ephemeral container (kubectl debug), a resize, a deletion.
      { apiGroups: [''], resources: ['pods', 'pods/ephemeralcontainers', 'pods/resize'], verbs: ['update'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
      // A dry run of a Role or RoleBinding grants nothing, but RBAC checks it as if it did.
      { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'clusterroles'], verbs: ['escalate', 'bind'] },
    ],
  };
  const policy: KObject = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name: NAME, labels, annotations },
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: {
        resourceRules: [{ apiGroups: ['*'], apiVersions: ['*'], operations: ['*'], resources: ['*/*'] }],
        // Access reviews are questions, stored nowhere.
        excludeResourceRules: [{ apiGroups: ['authorization.k8s.io'], apiVersions: ['*'], operations: ['CREATE'], resources: ['subjectaccessreviews'] }],
      },
      matchConditions: [{ name: 'the-grader', expression: `request.userInfo.username == '${GRADER_USER}'` }],
      validations: [{ expression: 'request.dryRun == true', reason: 'Forbidden', message: `${GRADER_USER} only reads: a request of it that is not a dry run is refused (Wheelhouse's checker never changes a cluster)` }],
    },
  };
  const policyBinding: KObject = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name: NAME, labels, annotations },
    spec: { policyName: NAME, validationActions: ['Deny'] },
  };
  return [
    { path: apiPath({ ...ADMISSION, resource: 'validatingadmissionpolicies' }), object: policy },
    { path: apiPath({ ...ADMISSION, resource: 'validatingadmissionpolicybindings' }), object: policyBinding },
    { path: apiPath({ ...RBAC, resource: 'clusterroles' }), object: reader },
    { path: apiPath({ ...RBAC, resource: 'clusterroles' }), object: dryRunner },
    { path: apiPath({ ...RBAC, resource: 'clusterrolebindings' }), object: readerBinding },
  ];
}

/** The RoleBinding that lets the grader dry-run in one of the lab's namespaces (labelled: a reset removes it with the lab). */
export function dryRunBinding(namespace: string, labLabels: Record<string, string>): { path: string; object: KObject } {
  return {
    path: apiPath({ ...RBAC, resource: 'rolebindings' }, namespace),
    object: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: DRY_RUN_ROLE, namespace, labels: { ...labels, ...labLabels } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: DRY_RUN_ROLE },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: GRADER_USER }],
    },
  };
}

/** Lets the grader dry-run in these namespaces (those a lab's setup made). */
export async function allowDryRuns(api: KubeApi, namespaces: string[], labLabels: Record<string, string>): Promise<void> {
  await Promise.all(
    namespaces.map(async (ns) => {
      const { path, object } = dryRunBinding(ns, labLabels);
      await api.create(path, object).catch((err) => {
        if (!(err instanceof KubeStatusError && err.status === 409)) throw err;
      });
    }),
  );
}

/** Creates the grader's role, binding and policy, or puts them back as they should be. */
export async function ensureGrader(api: KubeApi): Promise<void> {
  for (const [resource, name] of [['clusterrolebindings', OLD_NAMES[0]], ['clusterroles', OLD_NAMES[0]], ['clusterroles', OLD_NAMES[1]]]) {
    const at = apiPath({ ...RBAC, resource }, undefined, name);
    if ((await api.get(at))?.metadata.annotations?.[VERSION_ANNOTATION]) await api.delete(at);
  }
  for (const { path, object } of graderObjects()) {
    const at = `${path}/${object.metadata.name}`;
    const have = await api.get(at);
    if (!have) {
      await api.create(path, object).catch((err) => {
        if (!(err instanceof KubeStatusError && err.status === 409)) throw err;
      });
      continue;
    }
    if (have.metadata.annotations?.[VERSION_ANNOTATION] !== VERSION) {
      await api.replace(at, { ...object, metadata: { ...object.metadata, resourceVersion: have.metadata.resourceVersion } });
    }
  }
}

/** Removes them (an adopted cluster's `down`). */
export async function removeGrader(api: KubeApi): Promise<void> {
  for (const { path, object } of graderObjects().reverse()) await api.delete(`${path}/${object.metadata.name}`);
}
