// Built-in kinds and their resource names come from a table (they never move), so a check costs
// no discovery round trip; other kinds (CRDs) are discovered once per group version (client.ts),
// and paths are built by transport.ts's apiPath.

export interface ResourceInfo {
  /** Plural resource name used in URLs, e.g. deployments. */
  resource: string;
  namespaced: boolean;
}

const builtIn: Record<string, ResourceInfo> = {};
function add(apiVersion: string, namespaced: boolean, kinds: Record<string, string>): void {
  for (const [kind, resource] of Object.entries(kinds)) builtIn[`${apiVersion}/${kind}`] = { resource, namespaced };
}
add('v1', true, {
  Pod: 'pods',
  Service: 'services',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  ServiceAccount: 'serviceaccounts',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  Endpoints: 'endpoints',
  Event: 'events',
  ResourceQuota: 'resourcequotas',
  LimitRange: 'limitranges',
  ReplicationController: 'replicationcontrollers',
});
add('v1', false, { Namespace: 'namespaces', Node: 'nodes', PersistentVolume: 'persistentvolumes' });
add('apps/v1', true, { Deployment: 'deployments', ReplicaSet: 'replicasets', StatefulSet: 'statefulsets', DaemonSet: 'daemonsets', ControllerRevision: 'controllerrevisions' });
add('batch/v1', true, { Job: 'jobs', CronJob: 'cronjobs' });
add('networking.k8s.io/v1', true, { NetworkPolicy: 'networkpolicies', Ingress: 'ingresses' });
add('networking.k8s.io/v1', false, { IngressClass: 'ingressclasses' });
add('discovery.k8s.io/v1', true, { EndpointSlice: 'endpointslices' });
add('rbac.authorization.k8s.io/v1', true, { Role: 'roles', RoleBinding: 'rolebindings' });
add('rbac.authorization.k8s.io/v1', false, { ClusterRole: 'clusterroles', ClusterRoleBinding: 'clusterrolebindings' });
add('storage.k8s.io/v1', false, { StorageClass: 'storageclasses', CSIDriver: 'csidrivers' });
add('policy/v1', true, { PodDisruptionBudget: 'poddisruptionbudgets' });
add('autoscaling/v2', true, { HorizontalPodAutoscaler: 'horizontalpodautoscalers' });
add('autoscaling/v1', true, { HorizontalPodAutoscaler: 'horizontalpodautoscalers' });
add('scheduling.k8s.io/v1', false, { PriorityClass: 'priorityclasses' });
add('apiextensions.k8s.io/v1', false, { CustomResourceDefinition: 'customresourcedefinitions' });
add('admissionregistration.k8s.io/v1', false, {
  ValidatingAdmissionPolicy: 'validatingadmissionpolicies',
  ValidatingAdmissionPolicyBinding: 'validatingadmissionpolicybindings',
  ValidatingWebhookConfiguration: 'validatingwebhookconfigurations',
  MutatingWebhookConfiguration: 'mutatingwebhookconfigurations',
});
add('coordination.k8s.io/v1', true, { Lease: 'leases' });

export function builtInResource(apiVersion: string, kind: string): ResourceInfo | undefined {
  return builtIn[`${apiVersion}/${kind}`];
}

/** The lower-case name kubectl accepts for a kind, e.g. deployment (kubectl get deployment web). */
export function kubectlKind(apiVersion: string, kind: string): string {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const core = ['', 'apps', 'batch', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'policy', 'autoscaling', 'discovery.k8s.io'];
  const lower = kind.toLowerCase();
  // Built-in groups have unambiguous short kinds; for other groups the qualified name avoids clashes.
  return core.includes(group) ? lower : `${lower}.${group}`;
}
