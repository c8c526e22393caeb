// Checks for lab-19, clause by clause (lab.yaml `clauses`). The Deployment's request and the HPA's
// spec are API objects and graded everywhere, quantities by value (0.1 is 100m) and the CPU metric
// in either spelling that means the same here (Resource cpu, or ContainerResource cpu of web, the
// Pod's only container); the HPA must have CPU as its only metric and scaleUp must stay the default.
// Metrics exist only where metrics-server scrapes real kubelets, so the metrics API and the scaling
// are graded on kind only; scaling must be the HPA's own (its SuccessfulRescale event), not kubectl scale.
import { atLeast, condition, defineChecks, match, observe, phrase, quantity, rolloutComplete, some } from '../../checker/index.ts';

const HPA = ['autoscaling/v2', 'HorizontalPodAutoscaler', 'web'] as const;

interface Metric {
  type?: string;
  resource?: { name?: string; target?: Target };
  containerResource?: { name?: string; container?: string; target?: Target };
  [other: string]: unknown;
}
interface Target {
  type?: string;
  averageUtilization?: number;
  averageValue?: string;
}
interface Policy {
  type?: string;
  value?: number;
  periodSeconds?: number;
}

/** CPU of the Pod (Resource) or of its one container web (ContainerResource): the same number here. */
function cpuTarget(m: Metric): Target | undefined {
  if (m.type === 'Resource' && m.resource?.name === 'cpu') return m.resource.target;
  if (m.type === 'ContainerResource' && m.containerResource?.name === 'cpu' && m.containerResource.container === 'web') return m.containerResource.target;
  return undefined;
}

function spellMetric(m: Metric): string {
  const src = m.resource ?? m.containerResource;
  const t = src?.target;
  const target = t ? `${t.type}${t.averageUtilization !== undefined ? ` ${t.averageUtilization}` : ''}${t.averageValue !== undefined ? ` ${t.averageValue}` : ''}` : '';
  return src ? `${m.type} ${src.name}${m.containerResource ? `/${m.containerResource.container}` : ''} ${target}`.trim() : String(m.type);
}

/** The API server's default scaleUp: no window, the larger of 100% and 4 Pods per 15 s. */
const DEFAULT_UP = ['Percent 100/15s', 'Pods 4/15s'];
const spellPolicies = (ps: Policy[] | undefined) => (ps ?? []).map((p) => `${p.type} ${p.value}/${p.periodSeconds}s`).sort();

export default defineChecks({
  // Needs real nodes: the APIService is Available only when metrics-server answers.
  'metrics-api': async ({ get }) => condition(await get('apiregistration.k8s.io/v1', 'APIService', 'v1beta1.metrics.k8s.io'), 'Available'),

  'cpu-request': async ({ get }) => {
    const web = await get('apps/v1', 'Deployment', 'web');
    return [
      // request, limit: by value
      match(web, { spec: { template: { spec: { containers: some({ name: 'web', resources: { requests: { cpu: quantity('100m') }, limits: { cpu: quantity('500m') } } }) } } } }),
      // rollout
      rolloutComplete(web),
    ];
  },

  'hpa-spec': async ({ get }) => {
    const hpa = await get(...HPA);
    if (!hpa) return [];
    const metrics: Metric[] = hpa.spec?.metrics ?? [];
    const cpu = metrics.map(cpuTarget).filter((t): t is Target => !!t);
    return [
      // target, min, max (the API server writes minReplicas 1 when it is left out)
      match(hpa, { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5 } }),
      // cpu-utilization
      observe(hpa, 'spec.metrics[cpu].target', 'Utilization 50', cpu.length ? cpu.map((t) => `${t.type} ${t.averageUtilization ?? t.averageValue ?? ''}`.trim()).join(', ') : phrase('absent'), {
        ok: cpu.some((t) => t.type === 'Utilization' && t.averageUtilization === 50),
      }),
      // only-cpu
      observe(hpa, 'spec.metrics', phrase('itemCount', { count: 1 }), metrics.length ? metrics.map(spellMetric).join(', ') : phrase('noItems'), { ok: metrics.length === 1 }),
    ];
  },

  'scale-down-window': async ({ get }) => {
    const hpa = await get(...HPA);
    if (!hpa) return [];
    const up = hpa.spec?.behavior?.scaleUp ?? {};
    const policies = up.policies ? spellPolicies(up.policies) : DEFAULT_UP;
    return [
      // window
      match(hpa, { spec: { behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } }),
      // scale-up-unchanged: as the API server defaults it
      observe(hpa, 'spec.behavior.scaleUp.stabilizationWindowSeconds', 0, up.stabilizationWindowSeconds ?? 0),
      observe(hpa, 'spec.behavior.scaleUp.selectPolicy', 'Max', up.selectPolicy ?? 'Max'),
      observe(hpa, 'spec.behavior.scaleUp.policies', DEFAULT_UP.join(', '), policies.join(', ')),
    ];
  },

  // Needs real nodes: the HPA has measured CPU above its target and scaled the Deployment out itself.
  'scaled-out': async ({ get, list }) => {
    const hpa = await get(...HPA);
    if (!hpa) return [];
    const events = await list('v1', 'Event', { fieldSelector: 'involvedObject.kind=HorizontalPodAutoscaler,involvedObject.name=web,reason=SuccessfulRescale' });
    const rescales = events.map((e) => String(e.message ?? ''));
    return [
      // scaled-by-hpa: "New size: 3; reason: cpu resource utilization (percentage of request) above target"
      observe(events, 'reason=SuccessfulRescale: message', phrase('matching', { pattern: '/above target/' }), rescales.length ? rescales.join('; ') : phrase('noItems'), {
        ok: rescales.some((m) => /above target/.test(m)),
        settling: true,
      }),
      // more-than-one
      ...condition(hpa, 'ScalingActive'),
      ...match(hpa, { status: { desiredReplicas: atLeast(2), currentReplicas: atLeast(2) } }),
    ];
  },
});
