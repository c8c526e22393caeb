// Checks for lab-25. The in-place resize needs a real kubelet: the API server accepts a resize of a
// running Pod only when its node reports the containers' resources in the Pod status (the version
// skew guard of in-place resize), and simulated nodes do not. So the resize is graded on kind only,
// together with what the kubelet reports. Everything else is API objects: the Deployment's resize
// policy and the VerticalPodAutoscaler's spec; its recommendation needs the recommender (kind).
import { condition, defineChecks, every, match, observe, present, rolloutComplete, some, type KObject, type Observation } from '../../checker/index.ts';

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

/** A Kubernetes quantity in base units (cores, bytes), or undefined when it is not one. */
function quantity(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^([0-9]*\.?[0-9]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(v.trim());
  if (!m) return undefined;
  const factor: Record<string, number> = {
    '': 1,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
  };
  return Number(m[1]) * factor[m[2] ?? ''];
}

const sameQuantity = (a: unknown, b: string) => {
  const x = quantity(a);
  const y = quantity(b);
  return x !== undefined && y !== undefined && Math.abs(x - y) < 1e-9 * Math.max(1, Math.abs(y));
};

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
    const resized = {
      requests: { cpu: '500m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '128Mi' },
    };
    return [
      samePod(pod, web),
      match(pod, {
        spec: { containers: some({ name: 'app', resources: resized }) },
      }),
      // What the kubelet has applied, and that it did so without restarting the container.
      match(pod, {
        status: {
          containerStatuses: some({
            name: 'app',
            restartCount: 0,
            resources: resized,
          }),
        },
      }),
      observe(
        pod,
        'status.conditions[PodResizePending, PodResizeInProgress]',
        'none',
        resizing.length ? resizing.map((c) => `${c.type}${c.reason ? ` (${c.reason})` : ''}${c.message ? `: ${c.message}` : ''}`).join('; ') : 'none',
        { ok: resizing.length === 0, settling: true },
      ),
    ];
  },

  'resize-policy': async ({ get }) => {
    const web = await get('apps/v1', 'Deployment', 'web');
    if (!web) return [];
    const container = (web.spec?.template?.spec?.containers ?? []).find((c: { name: string }) => c.name === 'web');
    const policies: { resourceName: string; restartPolicy?: string }[] = container?.resizePolicy ?? [];
    // A resource without an entry is resized in place: NotRequired is the default.
    const policyOf = (resource: string) => policies.find((p) => p.resourceName === resource)?.restartPolicy;
    const path = 'spec.template.spec.containers[web].resizePolicy';
    const policy = (resource: string, wanted: string) =>
      observe(web, `${path}[${resource}]`, wanted, policyOf(resource) ?? 'no entry (NotRequired, the default)', { ok: (policyOf(resource) ?? 'NotRequired') === wanted });
    return [
      match(web, {
        spec: {
          replicas: 2,
          template: {
            spec: {
              containers: some({
                name: 'web',
                image: 'nginx:1.27',
                resources: {
                  requests: { cpu: '200m', memory: '128Mi' },
                  limits: { memory: '256Mi' },
                },
              }),
            },
          },
        },
      }),
      container ? policy('cpu', 'NotRequired') : [],
      container ? policy('memory', 'RestartContainer') : [],
      rolloutComplete(web),
    ];
  },

  'vpa-off': async ({ get }) => {
    const vpa = await get(VPA, 'VerticalPodAutoscaler', 'web-vpa');
    return match(vpa, {
      spec: {
        targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        updatePolicy: { updateMode: 'Off' },
      },
    });
  },

  'vpa-bounds': async ({ get }) => {
    const vpa = await get(VPA, 'VerticalPodAutoscaler', 'web-vpa');
    if (!vpa) return [];
    const policy = policyFor(vpa, 'web');
    const where = policy ? `spec.resourcePolicy.containerPolicies[${policy.containerName}]` : 'spec.resourcePolicy.containerPolicies';
    if (!policy) {
      const named = (vpa.spec?.resourcePolicy?.containerPolicies ?? []).map((p: ContainerPolicy) => p.containerName ?? '?');
      return observe(vpa, where, 'a policy for the container web (or *)', named.length ? `policies for ${named.join(', ')} only` : 'none', { ok: false });
    }
    const bound = (side: 'minAllowed' | 'maxAllowed', resource: 'cpu' | 'memory', want: string) =>
      observe(vpa, `${where}.${side}.${resource}`, want, policy[side]?.[resource] ?? 'nothing', { ok: sameQuantity(policy[side]?.[resource], want) });
    return [
      // A policy in mode Off switches the VPA off for that container: no recommendation at all.
      observe(vpa, `${where}.mode`, 'Auto (the default)', policy.mode ?? 'Auto (the default)', { ok: policy.mode === undefined || policy.mode === 'Auto' }),
      bound('minAllowed', 'cpu', '50m'),
      bound('maxAllowed', 'cpu', '1'),
      bound('minAllowed', 'memory', '64Mi'),
      bound('maxAllowed', 'memory', '512Mi'),
    ];
  },

  // Needs real nodes: the recommender works from metrics that only real kubelets produce.
  'vpa-recommends': async ({ get, list }) => {
    const vpa = await get(VPA, 'VerticalPodAutoscaler', 'web-vpa');
    if (!vpa) return [];
    const pods = (await list('v1', 'Pod', { labelSelector: 'app=web' })).filter((p) => !p.metadata.deletionTimestamp);
    return [
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
      match(
        pods,
        every({
          spec: {
            containers: some({
              name: 'web',
              resources: { requests: { cpu: '200m', memory: '128Mi' } },
            }),
          },
        }),
      ),
    ];
  },
});
