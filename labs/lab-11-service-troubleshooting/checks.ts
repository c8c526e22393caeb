// Checks for lab-11. The Service is graded by what it does, worked out from API objects the way
// the EndpointSlice controller works it out: which Pods its selector picks, and which container
// port its targetPort lands on (a named targetPort is looked up on the Pod's container ports).
// The fix must be to the original Service: it keeps its label and its port named http, and the
// Deployments stay as they were. Real traffic is graded on real nodes only (the Job smoke).
import { defineChecks, jobComplete, match, matchesSelector, observe, some, type KObject } from '../../checker/index.ts';

const API_LABELS = { app: 'api' };

type Port = { name?: string; port: number; targetPort?: number | string; nodePort?: number };
type ContainerPort = { name?: string; containerPort: number };

const live = (pods: KObject[]) => pods.filter((p) => !p.metadata.deletionTimestamp);

/** The Deployment api as the start made it: the Pods are right, only the Service is wrong. */
const deploymentUnchanged = (dep: KObject | undefined) =>
  match(dep, {
    spec: {
      replicas: 2,
      template: {
        metadata: { labels: { app: 'api', tier: 'backend' } },
        spec: { containers: some({ name: 'api', image: 'nginx:1.27', ports: some({ name: 'http', containerPort: 80 }) }) },
      },
    },
  });

/** The original Service, fixed in place: same label, same named port. */
const serviceKept = (svc: KObject | undefined) => match(svc, { metadata: { labels: { app: 'api' } }, spec: { ports: some({ name: 'http', port: 80 }) } });

/** "2 Pods (api ×2)" — what a selector catches, grouped by the app label. */
function describePods(pods: KObject[]): string {
  if (pods.length === 0) return 'no Pod';
  const byApp = new Map<string, number>();
  for (const p of pods) byApp.set(p.metadata.labels?.app ?? '?', (byApp.get(p.metadata.labels?.app ?? '?') ?? 0) + 1);
  return `${pods.length} Pod${pods.length === 1 ? '' : 's'} (${[...byApp].map(([app, n]) => `${app} ×${n}`).join(', ')})`;
}

export default defineChecks({
  'selector-fixed': async ({ get, list }) => {
    const [svc, dep] = await Promise.all([get('v1', 'Service', 'api'), get('apps/v1', 'Deployment', 'api')]);
    if (!svc) return deploymentUnchanged(dep);
    const pods = live(await list('v1', 'Pod'));
    const selector: Record<string, string> = svc.spec?.selector ?? {};
    // A Service without a selector gets no endpoints from the controller: it selects nothing.
    const selected = Object.keys(selector).length ? pods.filter((p) => matchesSelector({ matchLabels: selector }, p.metadata.labels ?? {})) : [];
    const apiPods = pods.filter((p) => matchesSelector({ matchLabels: API_LABELS }, p.metadata.labels ?? {}));
    const exact = selected.length > 0 && selected.every((p) => apiPods.includes(p)) && apiPods.every((p) => selected.includes(p));
    const shown = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',') || 'none';

    const slices = await list('discovery.k8s.io/v1', 'EndpointSlice', { labelSelector: 'kubernetes.io/service-name=api' });
    const ready = slices.flatMap((s) => s.endpoints ?? []).filter((e: { conditions?: { ready?: boolean } }) => e.conditions?.ready === true).length;
    return [
      serviceKept(svc),
      deploymentUnchanged(dep),
      observe(svc, `spec.selector (${shown})`, `selects the Pods of deployment/api only: ${describePods(apiPods)}`, `selects ${describePods(selected)}`, { ok: exact }),
      // Written by the EndpointSlice controller a moment after the selector changes.
      observe(slices, 'endpoints[ready]', 2, ready, { settling: true }),
    ];
  },

  'port-fixed': async ({ get }) => {
    const [svc, dep] = await Promise.all([get('v1', 'Service', 'api'), get('apps/v1', 'Deployment', 'api')]);
    if (!svc || !dep) return [];
    const port: Port | undefined = (svc.spec?.ports ?? []).find((p: Port) => p.name === 'http') ?? (svc.spec?.ports ?? []).find((p: Port) => p.port === 80);
    const container = (dep.spec?.template?.spec?.containers ?? []).find((c: { name: string }) => c.name === 'api');
    const containerPorts: ContainerPort[] = container?.ports ?? [];
    // The API server fills targetPort with port when it is left out.
    const target = port?.targetPort ?? port?.port;
    const resolved = typeof target === 'string' ? containerPorts.find((p) => p.name === target)?.containerPort : target;
    const found = port === undefined ? 'no port 80' : typeof target === 'string' ? (resolved === undefined ? `"${target}", a name no container port of api has` : `"${target}" = ${resolved}`) : resolved;
    return [
      serviceKept(svc),
      // nginx listens on 80 whatever containerPort says: changing the container to match the Service is no fix.
      match(dep, { spec: { template: { spec: { containers: some({ name: 'api', ports: some({ name: 'http', containerPort: 80 }) }) } } } }),
      observe(svc, 'spec.ports[http].targetPort', '80, where nginx listens (or the container port name http)', found, { ok: resolved === 80 }),
    ];
  },

  'node-port': async ({ get }) => {
    const svc = await get('v1', 'Service', 'api');
    return match(svc, { spec: { type: 'NodePort', ports: some({ name: 'http', port: 80, nodePort: 30080 }) } });
  },

  // Needs real containers: on the simulated cluster every Job completes, whatever it fetched.
  'smoke-test': async ({ get }) => {
    const job = await get('batch/v1', 'Job', 'smoke');
    if (!job) return [];
    const containers: { image?: string; command?: string[]; args?: string[] }[] = job.spec?.template?.spec?.containers ?? [];
    const commandLine = containers.map((c) => [...(c.command ?? []), ...(c.args ?? [])].join(' ')).join('; ');
    return [
      match(job, { spec: { template: { spec: { containers: some({ image: 'busybox:1.36' }) } } } }),
      observe(job, 'spec.template.spec.containers[].command', 'fetches http://api', commandLine || 'no command', { ok: /\bhttps?:\/\/api\b/.test(commandLine) }),
      jobComplete(job),
    ];
  },
});
