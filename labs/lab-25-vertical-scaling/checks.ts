// Checks for lab-25, clause by clause (lab.yaml `clauses`; each observation's path names what it
// grades). The in-place resize needs a real kubelet: the API server accepts a resize of a running
// Pod only when its node reports the containers' resources in the Pod status (the version skew
// guard of in-place resize), and simulated nodes do not. So the resize is graded on kind only,
// together with what the kubelet reports. Everything else is API objects: the Deployment's resize
// policy (and everything else of web as setup made it: the same object, by the events its
// controller wrote, its replicas, one container, image, ports, resources and labels) and the
// VerticalPodAutoscaler's spec, quantities by value (0.5 is 500m, 1000m is 1, 0.5Gi is 512Mi);
// its recommendation needs the recommender (kind).
import { absent, condition, defineChecks, every, exactly, image, match, observe, phrase, present, quantity, rolloutComplete, sameObject, sameQuantity, some, type KObject, type Observation } from '../../checker/index.ts';

const VPA = 'autoscaling.k8s.io/v1';

/** The original Pod: setup creates it just before web, and a resize raises its generation. */
function samePod(pod: KObject, web: KObject | undefined): Observation[] {
  const generation = Number(pod.metadata.generation ?? 1);
  const created = Date.parse(String(pod.metadata.creationTimestamp ?? ''));
  const webCreated = web ? Date.parse(String(web.metadata.creationTimestamp ?? '')) : NaN;
  const younger = Number.isFinite(created) && Number.isFinite(webCreated) && created > webCreated;
  const same = !younger && generation > 1;
  const wanted = 'the Pod from the start, resized in place';
  const found = same ? wanted : younger ? `a new Pod, created after deployment/web (${pod.metadata.creationTimestamp})` : `generation ${generation}: its spec never changed`;
  return observe(pod, 'metadata (generation, creationTimestamp)', wanted, found, { ok: same });
}

interface ContainerPolicy {
  containerName?: string;
  mode?: string;
  minAllowed?: Record<string, unknown>;
  maxAllowed?: Record<string, unknown>;
}

/** The policy the VPA applies to container `name`: its own entry, else the `*` one. */
function policyFor(vpa: KObject, name: string): ContainerPolicy | undefined {
  const policies: ContainerPolicy[] = vpa.spec?.resourcePolicy?.containerPolicies ?? [];
  return policies.find((p) => p.containerName === name) ?? policies.find((p) => p.containerName === '*');
}

export default defineChecks({
  'resize-in-place': async ({ get, find }) => {
    const [pod, web] = await Promise.all([get('v1', 'Pod', 'resizable'), find('apps/v1', 'Deployment', 'web')]);
    if (!pod) return [];
    const conditions: {
      type: string;
      status: string;
      reason?: string;
      message?: string;
    }[] = pod.status?.conditions ?? [];
    const resizing = conditions.filter((c) => (c.type === 'PodResizePending' || c.type === 'PodResizeInProgress') && c.status === 'True');
    const cpu = { requests: { cpu: quantity('500m') }, limits: { cpu: quantity('500m') } };
    const memory = { requests: { memory: quantity('128Mi') }, limits: { memory: quantity('128Mi') } };
    return [
      // same-pod
      samePod(pod, web),
      // cpu-500m: in the spec, as applied by the kubelet, and no resize left pending or in progress
      match(pod, { spec: { containers: some({ name: 'app', resources: cpu }) } }),
      match(pod, { status: { containerStatuses: some({ name: 'app', resources: cpu }) } }),
      observe(
        pod,
        'status.conditions[PodResizePending, PodResizeInProgress]',
        'none',
        resizing.length ? resizing.map((c) => `${c.type}${c.reason ? ` (${c.reason})` : ''}${c.message ? `: ${c.message}` : ''}`).join('; ') : 'none',
        { ok: resizing.length === 0, settling: true },
      ),
      // memory-unchanged
      match(pod, { spec: { containers: some({ name: 'app', resources: memory }) } }),
      // no-restart
      match(pod, { status: { containerStatuses: some({ name: 'app', restartCount: 0 }) } }),
    ];
  },

  'resize-policy': async ({ get, list }) => {
    const web = await get('apps/v1', 'Deployment', 'web');
    if (!web) return [];
    const events = await list('v1', 'Event', { fieldSelector: 'involvedObject.kind=Deployment,involvedObject.name=web' });
    const container = (web.spec?.template?.spec?.containers ?? []).find((c: { name: string }) => c.name === 'web');
    const policies: { resourceName: string; restartPolicy?: string }[] = container?.resizePolicy ?? [];
    // A resource without an entry is resized in place: NotRequired is the default.
    const policyOf = (resource: string) => policies.find((p) => p.resourceName === resource)?.restartPolicy;
    const path = 'spec.template.spec.containers[web].resizePolicy';
    const policy = (resource: string, wanted: string) =>
      observe(web, `${path}[${resource}]`, wanted, policyOf(resource) ?? 'no entry (NotRequired, the default)', { ok: (policyOf(resource) ?? 'NotRequired') === wanted });
    const labels = { app: 'web', 'wheelhouse.dev/lab': 'lab-25' };
    return [
      // cpu-in-place
      container ? policy('cpu', 'NotRequired') : [],
      // memory-restarts
      container ? policy('memory', 'RestartContainer') : [],
      // rest-unchanged: the Deployment from the start (no event names an earlier web), changed only in its resize policy
      sameObject(web, events),
      match(web, {
        metadata: { labels },
        spec: {
          replicas: 2,
          template: {
            metadata: { labels },
            spec: {
              containers: exactly([
                {
                  name: 'web',
                  image: image('nginx:1.27'),
                  ports: exactly([{ name: 'http', containerPort: 80 }]),
                  resources: {
                    requests: { cpu: quantity('200m'), memory: quantity('128Mi') },
                    limits: { cpu: absent(), memory: quantity('256Mi') },
                  },
                },
              ]),
            },
          },
        },
      }),
      // rolled-out
      rolloutComplete(web),
    ];
  },

  'vpa-off': async ({ get }) => {
    const vpa = await get(VPA, 'VerticalPodAutoscaler', 'web-vpa');
    // name: the grade says web-vpa is not found when there is none
    if (!vpa) return [];
    return [
      // target
      match(vpa, { spec: { targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } } }),
      // recommend-only: the default mode (no updatePolicy) applies the recommendations
      observe(vpa, 'spec.updatePolicy.updateMode', 'Off', vpa.spec?.updatePolicy?.updateMode ?? 'nothing (the default mode, which applies recommendations)', {
        ok: vpa.spec?.updatePolicy?.updateMode === 'Off',
      }),
    ];
  },

  'vpa-bounds': async ({ get }) => {
    const vpa = await get(VPA, 'VerticalPodAutoscaler', 'web-vpa');
    if (!vpa) return [];
    const policy = policyFor(vpa, 'web');
    const where = policy ? `spec.resourcePolicy.containerPolicies[${policy.containerName}]` : 'spec.resourcePolicy.containerPolicies';
    if (!policy) {
      // container
      const named = (vpa.spec?.resourcePolicy?.containerPolicies ?? []).map((p: ContainerPolicy) => p.containerName ?? '?');
      return observe(vpa, where, 'a policy for the container web (or *)', named.length ? `policies for ${named.join(', ')} only` : phrase('noItems'), { ok: false });
    }
    const bound = (side: 'minAllowed' | 'maxAllowed', resource: 'cpu' | 'memory', want: string) =>
      observe(vpa, `${where}.${side}.${resource}`, want, policy[side]?.[resource] ?? phrase('nothing'), { ok: sameQuantity(policy[side]?.[resource], want) });
    return [
      // container: a policy in mode Off switches the VPA off for that container: no recommendation at all.
      observe(vpa, `${where}.mode`, 'Auto (the default)', policy.mode ?? 'Auto (the default)', { ok: policy.mode === undefined || policy.mode === 'Auto' }),
      // cpu-min
      bound('minAllowed', 'cpu', '50m'),
      // cpu-max
      bound('maxAllowed', 'cpu', '1'),
      // memory-min
      bound('minAllowed', 'memory', '64Mi'),
      // memory-max
      bound('maxAllowed', 'memory', '512Mi'),
    ];
  },

  // Needs real nodes: the recommender works from metrics that only real kubelets produce.
  'vpa-recommends': async ({ get, list }) => {
    const vpa = await get(VPA, 'VerticalPodAutoscaler', 'web-vpa');
    if (!vpa) return [];
    const pods = (await list('v1', 'Pod', { labelSelector: 'app=web' })).filter((p) => !p.metadata.deletionTimestamp);
    return [
      // recommendation
      condition(vpa, 'RecommendationProvided'),
      match(vpa, {
        status: {
          recommendation: {
            containerRecommendations: some({
              containerName: 'web',
              target: { cpu: present(), memory: present() },
            }),
          },
        },
      }),
      // pods-unchanged
      match(
        pods,
        every({
          spec: {
            containers: some({
              name: 'web',
              resources: { requests: { cpu: quantity('200m'), memory: quantity('128Mi') } },
            }),
          },
        }),
      ),
    ];
  },
});
